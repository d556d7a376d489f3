// SPDX-License-Identifier: Apache-2.0
// The Flow extension's registration table (libgxf_flow.so): what gxf.flow's messages carry.
#include "gxf/core/extension.hpp"
#include "gxf/flow/batch_meta_component.hpp"

namespace nvidia {
namespace gxf {
namespace flow {

namespace {

void flow_extension_factory(Extension& ext) {
  ext.set_info({0x6f1d3c2a8b4e4f10, 0x9a7e52c1d0b3f864}, "FlowExtension",
               "Per-buffer metadata of gxf.flow pipelines (pyservicemaker's model)",
               "NVIDIA-compatible", "0.1.0", "Apache-2.0");
  ext.add<BatchMetaComponent, Component>("nvidia::gxf::flow::BatchMetaComponent",
                                         {0x2c8e4b7f1a6d4e93, 0xb05f3d9e7c2a1846},
                                         "The BatchMeta of the buffer a message carries");
}

}  // namespace

}  // namespace flow
}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_flow.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::flow::flow_extension_factory(extension); }
