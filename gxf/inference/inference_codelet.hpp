// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gxf/core/filepath.hpp"
#include "gxf/cuda/cuda_stream_pool.hpp"
#include "gxf/inference/host_frames.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/std/clock.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// The codelet shape every inference component shares, modelled on GXF's TensorRtInference:
// tensors named input_tensor_names arrive on rx, feed the model inputs input_binding_names,
// and the model outputs output_binding_names leave on tx as tensors named output_tensor_names.
// The parameters live here, so the registry, `gxf check` and `gxf draw` know them; the work is
// done by a Python runner (gxf/inference/runner.py) driving the runtime's own Python API. Its
// calls take the Python codelet call lock and the GIL (codelet_call.hpp) and nothing else; the
// runtimes release the GIL while a model runs. Ticks whose messages are all host frames the
// runner's backend takes as NumPy are done by HostFrames (host_frames.hpp): Python is entered
// once per run, for the runtime's run() alone.
class InferenceCodelet : public Codelet {
 public:
  ~InferenceCodelet() override;
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t start() override;
  gxf_result_t tick() override;
  gxf_result_t stop() override;

 protected:
  // Name of the runtime, as gxf/inference/backends.py knows it ("onnxruntime", ...).
  virtual const char* backend() const = 0;
  // The parameters only this component has, added to the runner's keyword arguments.
  virtual void add_backend_arguments(pybind11::dict* arguments) const { (void)arguments; }

 private:
  // The parameters, as the keyword arguments of the Python runner.
  pybind11::dict runner_arguments() const;
  gxf_result_t call(const char* method);

  Parameter<FilePath> model_file_path_;
  Parameter<std::string> engine_file_path_;
  Parameter<bool> force_engine_update_;
  Parameter<std::vector<std::string>> input_tensor_names_;
  Parameter<std::vector<std::string>> input_binding_names_;
  Parameter<std::vector<std::string>> output_tensor_names_;
  Parameter<std::vector<std::string>> output_binding_names_;
  Parameter<Handle<Allocator>> pool_;
  Parameter<Handle<CudaStreamPool>> cuda_stream_pool_;
  Parameter<int64_t> max_workspace_size_;
  Parameter<int64_t> dla_core_;
  Parameter<int32_t> max_batch_size_;
  Parameter<bool> enable_fp16_;
  Parameter<bool> relaxed_dimension_check_;
  Parameter<bool> verbose_;
  Parameter<Handle<Clock>> clock_;
  Parameter<std::vector<Handle<Receiver>>> rx_;
  Parameter<Handle<Transmitter>> tx_;
  Parameter<int32_t> device_id_;
  pybind11::object runner_;
  std::unique_ptr<HostFrames> host_frames_;  // null where every tick is the runner's
};

// nvidia::gxf::OnnxRuntimeInference: the model runs in ONNX Runtime (CUDA execution provider
// where onnxruntime-gpu and a GPU are there, with IO binding for device tensors; CPU else).
class OnnxRuntimeInference : public InferenceCodelet {
 protected:
  const char* backend() const override { return "onnxruntime"; }
};

// nvidia::gxf::TensorRtInference: a TensorRT engine built from the ONNX model and cached in
// engine_file_path. Fails at initialize where TensorRT is not installed.
class TensorRtInference : public InferenceCodelet {
 protected:
  const char* backend() const override { return "tensorrt"; }
};

// nvidia::gxf::TorchInference: a torch.export (.pt2) or TorchScript program run by PyTorch.
class TorchInference : public InferenceCodelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;

 protected:
  const char* backend() const override { return "torch"; }
  void add_backend_arguments(pybind11::dict* arguments) const override;

 private:
  Parameter<bool> cuda_graph_;
};

}  // namespace gxf
}  // namespace nvidia
