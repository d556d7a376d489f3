// SPDX-License-Identifier: Apache-2.0
#include "gxf/inference/inference_codelet.hpp"

#include <pybind11/stl.h>

#include "gxf/python_codelet/codelet_call.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

constexpr const char* kRunnerModule = "gxf.inference.runner";

}  // namespace

InferenceCodelet::~InferenceCodelet() {
  // The host path holds NumPy dtypes: dropped under the GIL while the interpreter lives (a
  // graph destroyed without stop()), leaked once it is gone, as the runner is.
  if (host_frames_ && Py_IsInitialized()) {
    ThreadGil gil;
    host_frames_.reset();
  } else {
    (void)host_frames_.release();
  }
  release_python_object(runner_);
}

gxf_result_t InferenceCodelet::register_interface(Registrar* registrar) {
  registrar->parameter(model_file_path_, "model_file_path", "Model file path",
                       "The model: ONNX for OnnxRuntimeInference and TensorRtInference, a "
                       "torch.export (.pt2) or TorchScript file for TorchInference");
  registrar->parameter(engine_file_path_, "engine_file_path", "Engine file path",
                       "Where TensorRtInference caches the engine it builds (default: the "
                       "model file with the suffix .engine)", kParameterFlagsOptional);
  registrar->parameter(force_engine_update_, "force_engine_update", "Force engine update",
                       "Rebuild the TensorRT engine even when the cached one is there", false);
  registrar->parameter(input_tensor_names_, "input_tensor_names", "Input tensor names",
                       "Names of the tensors taken from the received messages, one per model "
                       "input (a single input may be unnamed in the message)");
  registrar->parameter(input_binding_names_, "input_binding_names", "Input binding names",
                       "Model inputs fed by input_tensor_names, in the same order (default: "
                       "the model's inputs in order)", kParameterFlagsOptional);
  registrar->parameter(output_tensor_names_, "output_tensor_names", "Output tensor names",
                       "Names of the tensors published on tx, one per output binding");
  registrar->parameter(output_binding_names_, "output_binding_names", "Output binding names",
                       "Model outputs published as output_tensor_names, in the same order "
                       "(default: the model's outputs in order)", kParameterFlagsOptional);
  registrar->parameter(pool_, "pool", "Pool",
                       "Allocator of the output tensors (default: the runtime's own memory, "
                       "handed on without a copy)", kParameterFlagsOptional);
  registrar->parameter(cuda_stream_pool_, "cuda_stream_pool", "CUDA stream pool",
                       "Stream pool the device work runs on", kParameterFlagsOptional);
  registrar->parameter(max_workspace_size_, "max_workspace_size", "Max workspace size",
                       "TensorRT builder workspace in bytes", int64_t{67108864});
  registrar->parameter(dla_core_, "dla_core", "DLA core",
                       "TensorRT: DLA core to run on", kParameterFlagsOptional);
  registrar->parameter(max_batch_size_, "max_batch_size", "Max batch size",
                       "Most frames stacked into one run; frames queued on rx beyond it wait "
                       "for the next tick", int32_t{1});
  registrar->parameter(enable_fp16_, "enable_fp16_", "Enable FP16",
                       "TensorRT: allow half-precision kernels", false);
  registrar->parameter(relaxed_dimension_check_, "relaxed_dimension_check",
                       "Relaxed dimension check",
                       "Ignore extents of 1 when matching a tensor's shape to the model's", true);
  registrar->parameter(verbose_, "verbose", "Verbose", "Log the runtime's model details", false);
  registrar->parameter(clock_, "clock", "Clock",
                       "Clock stamping the outputs' acquisition time when the input has none",
                       kParameterFlagsOptional);
  registrar->parameter(rx_, "rx", "RX", "Receivers of the input tensors");
  registrar->parameter(tx_, "tx", "TX", "Transmitter of the output tensors");
  registrar->parameter(device_id_, "device_id", "Device id", "GPU the model runs on",
                       int32_t{0});
  return GXF_SUCCESS;
}

gxf_result_t InferenceCodelet::initialize() {
  // A missing runtime or model file is found here, before any entity starts.
  CodeletCall call;
  py::module_ runner;
  try {
    runner = py::module_::import(kRunnerModule);
    runner.attr("check_backend")(backend(), std::string(model_file_path_.get()));
  } catch (py::error_already_set& error) {
    py::object user_error = runner ? runner.attr("InferenceError") : py::object();
    return report_python_error(*this, error, user_error, "initialize()");
  }
  return GXF_SUCCESS;
}

py::dict InferenceCodelet::runner_arguments() const {
  py::dict arguments;
  arguments["backend"] = backend();
  arguments["model_file_path"] = std::string(model_file_path_.get());
  arguments["engine_file_path"] =
      engine_file_path_.is_set() ? py::cast(engine_file_path_.get()) : py::none();
  arguments["force_engine_update"] = force_engine_update_.get();
  arguments["input_tensor_names"] = input_tensor_names_.get();
  arguments["input_binding_names"] = input_binding_names_.try_get().value_or(
      std::vector<std::string>{});
  arguments["output_tensor_names"] = output_tensor_names_.get();
  arguments["output_binding_names"] = output_binding_names_.try_get().value_or(
      std::vector<std::string>{});
  arguments["max_workspace_size"] = max_workspace_size_.get();
  arguments["dla_core"] = dla_core_.is_set() ? py::cast(dla_core_.get()) : py::none();
  arguments["max_batch_size"] = max_batch_size_.get();
  arguments["enable_fp16"] = enable_fp16_.get();
  arguments["relaxed_dimension_check"] = relaxed_dimension_check_.get();
  arguments["verbose"] = verbose_.get();
  arguments["device_id"] = device_id_.get();
  // Components cross as the objects gxf.std / gxf.cuda bind (borrowed: the entity owns them).
  py::list receivers;
  for (const Handle<Receiver>& receiver : rx_.get()) {
    receivers.append(py::cast(receiver.get(), py::return_value_policy::reference));
  }
  arguments["rx"] = receivers;
  arguments["tx"] = py::cast(tx_.get().get(), py::return_value_policy::reference);
  arguments["pool"] = pool_.is_set()
                          ? py::cast(pool_.get().get(), py::return_value_policy::reference)
                          : py::none();
  arguments["cuda_stream_pool"] =
      cuda_stream_pool_.is_set()
          ? py::cast(cuda_stream_pool_.get().get(), py::return_value_policy::reference)
          : py::none();
  arguments["clock"] = clock_.is_set()
                           ? py::cast(clock_.get().get(), py::return_value_policy::reference)
                           : py::none();
  arguments["where"] = describe();
  add_backend_arguments(&arguments);
  return arguments;
}

gxf_result_t TorchInference::register_interface(Registrar* registrar) {
  const gxf_result_t result = InferenceCodelet::register_interface(registrar);
  if (result != GXF_SUCCESS) return result;
  registrar->parameter(cuda_graph_, "cuda_graph", "CUDA graph",
                       "On the GPU, capture a torch.export program once per input shape as a "
                       "CUDA graph and replay it: one launch per run instead of the module's "
                       "Python and one launch per kernel", true);
  return GXF_SUCCESS;
}

void TorchInference::add_backend_arguments(py::dict* arguments) const {
  (*arguments)["cuda_graph"] = cuda_graph_.get();
}

gxf_result_t InferenceCodelet::start() {
  CodeletCall call;
  py::module_ runner;
  try {
    runner = py::module_::import(kRunnerModule);
    runner_ = runner.attr("InferenceRunner")(**runner_arguments());
    host_frames_ = HostFrames::from_plan(runner_.attr("host_plan")(), max_batch_size_.get());
  } catch (py::error_already_set& error) {
    py::object user_error = runner ? runner.attr("InferenceError") : py::object();
    return report_python_error(*this, error, user_error, "start()");
  } catch (const py::cast_error& error) {  // a component type no Python module binds
    return fail(GXF_FAILURE, "start(): %s", error.what());
  }
  return GXF_SUCCESS;
}

gxf_result_t InferenceCodelet::call(const char* method) {
  CodeletCall call;
  if (!runner_) return GXF_CONTRACT_INVALID_SEQUENCE;
  try {
    runner_.attr(method)();
  } catch (py::error_already_set& error) {
    return report_python_error(*this, error, py::module_::import(kRunnerModule).attr("InferenceError"),
                               std::string(method) + "()");
  }
  return GXF_SUCCESS;
}

gxf_result_t InferenceCodelet::tick() {
  if (host_frames_ && runner_) {
    std::optional<gxf_result_t> code = host_frames_->tick(
        *this, runner_, rx_.get(), tx_.get().get(), pool_.is_set() ? pool_.get().get() : nullptr,
        clock_.is_set() ? clock_.get().get() : nullptr);
    if (code) return *code;
  }
  return call("tick");
}

gxf_result_t InferenceCodelet::stop() {
  if (!runner_) return GXF_SUCCESS;
  gxf_result_t code = call("stop");
  CodeletCall release;
  host_frames_.reset();
  runner_ = py::object();
  return code;
}

}  // namespace gxf
}  // namespace nvidia
