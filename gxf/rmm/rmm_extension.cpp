// SPDX-License-Identifier: Apache-2.0
// The RMM extension's registration table (libgxf_rmm.so).
#include "gxf/core/extension.hpp"
#include "gxf/rmm/rmm_allocator.hpp"

namespace nvidia {
namespace gxf {

namespace {

void rmm_extension_factory(Extension& ext) {
  ext.set_info({0x45fa20021f8311ef, 0xa380ef5f83754f84}, "RMMExtension",
               "RMM related components in Gxf Core", "NVIDIA-compatible", "0.0.1", "Apache-2.0");
  ext.add<RMMAllocator, CudaAllocator>("nvidia::gxf::RMMAllocator",
                                       {0x5a8ac4c21f8311ef, 0x8859d710d3299dfa},
                                       "Allocator of device and pinned host memory pools");
}

}  // namespace

}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_rmm.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::rmm_extension_factory(extension); }
