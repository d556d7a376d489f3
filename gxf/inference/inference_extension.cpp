// SPDX-License-Identifier: Apache-2.0
// The inference extension's registration table (libgxf_inference.so).
#include "gxf/core/extension.hpp"
#include "gxf/inference/inference_codelet.hpp"

namespace nvidia {
namespace gxf {

namespace {

void inference_extension_factory(Extension& ext) {
  ext.set_info({0x5f0c6a1e2b7d4c93, 0x8e41d2a7c3b9f016}, "InferenceExtension",
               "Model inference: ONNX Runtime, TensorRT, PyTorch", "NVIDIA-compatible", "1.0.0",
               "Apache-2.0");
  ext.add<OnnxRuntimeInference, Codelet>("nvidia::gxf::OnnxRuntimeInference",
                                         {0x2c7e91f04d6a4b85, 0x9a13e6c0b8f27d41},
                                         "Runs an ONNX model with ONNX Runtime");
  ext.add<TensorRtInference, Codelet>("nvidia::gxf::TensorRtInference",
                                      {0x06a7f0bc8e0a4e28, 0x8c3f5e9b7d2a1c64},
                                      "Runs an ONNX model as a cached TensorRT engine");
  ext.add<TorchInference, Codelet>("nvidia::gxf::TorchInference",
                                   {0xb3d8e5f1a6c24907, 0x8f5e1d3c7b9a2e68},
                                   "Runs a torch.export or TorchScript model with PyTorch");
}

}  // namespace

}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_inference.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::inference_extension_factory(extension); }
