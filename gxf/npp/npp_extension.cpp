// SPDX-License-Identifier: Apache-2.0
// The NPP extension's registration table (libgxf_npp.so).
#include "gxf/core/extension.hpp"
#include "gxf/npp/nppi_mul_c.hpp"
#include "gxf/npp/nppi_set.hpp"

namespace nvidia {
namespace gxf {

namespace {

void npp_extension_factory(Extension& ext) {
  ext.set_info({0x98839b87ddb54e77, 0xb0df44c1a5ad136e}, "NppExtension",
               "Image operations on device tensors", "NVIDIA-compatible", "2.6.0", "Apache-2.0");
  ext.add<NppiSet, Codelet>("nvidia::gxf::NppiSet", {0xb5ab03a9f3d54525, 0xbc0cd48b60bac2a5},
                            "Creates a tensor with constant values");
  ext.add<NppiMulC, Codelet>("nvidia::gxf::NppiMulC", {0xb2e2181547c44aee, 0x99bf9f3ef6665931},
                             "Multiplies a tensor with a constant factor");
}

}  // namespace

}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_npp.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::npp_extension_factory(extension); }
