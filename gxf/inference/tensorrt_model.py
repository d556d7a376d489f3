# SPDX-License-Identifier: Apache-2.0
"""TensorRT backend: an engine built from the ONNX model (dynamic batch up to max_batch_size),
serialized to engine_file_path and reused while it is newer than the model. Buffers are CuPy
arrays on the GPU; host inputs are copied there, outputs stay there."""

import os

import numpy as np

from gxf.inference.errors import InferenceError
from gxf.inference.model import Binding, Model, on_device

__all__ = ["TensorRtModel", "load"]


def _engine_path(model_path, engine_file_path):
    return engine_file_path or os.path.splitext(model_path)[0] + ".engine"


def _build_engine(trt, logger, model_path, max_batch_size, max_workspace_size, enable_fp16,
                  dla_core):
    """The serialized engine of the ONNX model."""
    builder = trt.Builder(logger)
    flags = 0
    if hasattr(trt.NetworkDefinitionCreationFlag, "EXPLICIT_BATCH"):  # TensorRT < 10
        flags = 1 << int(trt.NetworkDefinitionCreationFlag.EXPLICIT_BATCH)
    network = builder.create_network(flags)
    parser = trt.OnnxParser(network, logger)
    with open(model_path, "rb") as model:
        if not parser.parse(model.read()):
            reasons = "; ".join(str(parser.get_error(i)) for i in range(parser.num_errors))
            raise InferenceError(f"model_file_path '{model_path}': TensorRT cannot parse it: "
                                 f"{reasons}")
    config = builder.create_builder_config()
    config.set_memory_pool_limit(trt.MemoryPoolType.WORKSPACE, max_workspace_size)
    if enable_fp16:
        config.set_flag(trt.BuilderFlag.FP16)
    if dla_core is not None:
        config.default_device_type = trt.DeviceType.DLA
        config.DLA_core = dla_core
        config.set_flag(trt.BuilderFlag.GPU_FALLBACK)
    profile = builder.create_optimization_profile()
    for index in range(network.num_inputs):
        tensor = network.get_input(index)
        shape = list(tensor.shape)
        if any(extent < 0 for extent in shape[1:]):
            raise InferenceError(f"model input '{tensor.name}' of '{model_path}' has the shape "
                                 f"{shape}: TensorRtInference needs fixed extents except the "
                                 "leading batch dimension")
        if shape and shape[0] < 0:
            profile.set_shape(tensor.name, [1] + shape[1:], [max_batch_size] + shape[1:],
                              [max_batch_size] + shape[1:])
    config.add_optimization_profile(profile)
    serialized = builder.build_serialized_network(network, config)
    if serialized is None:
        raise InferenceError(f"TensorRT could not build an engine of '{model_path}' (run with "
                             "verbose: true for the builder's log)")
    return bytes(serialized)


class TensorRtModel(Model):
    """A deserialized engine and its execution context."""

    runtime = "TensorRT"

    def __init__(self, path, engine_file_path=None, force_engine_update=False, max_batch_size=1,
                 max_workspace_size=1 << 26, enable_fp16=False, dla_core=None, device_id=0,
                 verbose=False):
        import cupy
        import tensorrt as trt

        self.cupy = cupy
        cupy.cuda.Device(device_id).use()
        logger = trt.Logger(trt.Logger.VERBOSE if verbose else trt.Logger.WARNING)
        engine_path = _engine_path(path, engine_file_path)
        if force_engine_update or not os.path.isfile(engine_path) or \
                os.path.getmtime(engine_path) < os.path.getmtime(path):
            serialized = _build_engine(trt, logger, path, max_batch_size, max_workspace_size,
                                       enable_fp16, dla_core)
            partial = f"{engine_path}.{os.getpid()}.partial"
            with open(partial, "wb") as engine_file:
                engine_file.write(serialized)
            os.replace(partial, engine_path)  # readers never see half an engine
        with open(engine_path, "rb") as engine_file:
            self.engine = trt.Runtime(logger).deserialize_cuda_engine(engine_file.read())
        if self.engine is None:
            raise InferenceError(f"engine_file_path '{engine_path}': TensorRT cannot load it "
                                 "(built by another TensorRT version? set force_engine_update)")
        self.context = self.engine.create_execution_context()
        inputs, outputs = [], []
        for index in range(self.engine.num_io_tensors):
            name = self.engine.get_tensor_name(index)
            shape = [extent if extent >= 0 else None for extent in self.engine.get_tensor_shape(name)]
            binding = Binding(name, shape, trt.nptype(self.engine.get_tensor_dtype(name)))
            is_input = self.engine.get_tensor_mode(name) == trt.TensorIOMode.INPUT
            (inputs if is_input else outputs).append(binding)
        super().__init__(path, inputs, outputs)

    def as_array(self, tensor):
        """CuPy over device tensors (no copy), NumPy over host tensors (copied at run)."""
        if on_device(tensor):
            return self.cupy.asarray(tensor)
        return np.asarray(tensor)

    def stack(self, arrays):
        """Frames stacked on the GPU."""
        return self.cupy.stack([self.cupy.asarray(array) for array in arrays])

    def concatenate(self, arrays):
        """Batches joined on the GPU."""
        return self.cupy.concatenate([self.cupy.asarray(array) for array in arrays])

    def run(self, feeds):
        """Enqueue the engine on the current CuPy stream and wait for it."""
        cupy = self.cupy
        keep = []
        for binding in self.inputs:
            array = cupy.ascontiguousarray(cupy.asarray(feeds[binding.name]))
            keep.append(array)
            self.context.set_input_shape(binding.name, tuple(array.shape))
            self.context.set_tensor_address(binding.name, array.data.ptr)
        results = {}
        for binding in self.outputs:
            output = cupy.empty(tuple(self.context.get_tensor_shape(binding.name)), binding.dtype)
            results[binding.name] = output
            self.context.set_tensor_address(binding.name, output.data.ptr)
        stream = cupy.cuda.get_current_stream()
        if not self.context.execute_async_v3(stream.ptr):
            raise InferenceError(f"TensorRT failed to run the engine of '{self.path}'")
        stream.synchronize()
        return results


def load(path, **options):
    """A TensorRtModel of the ONNX file `path` (engine cached beside it or in engine_file_path)."""
    names = ("engine_file_path", "force_engine_update", "max_batch_size", "max_workspace_size",
             "enable_fp16", "dla_core", "device_id", "verbose")
    return TensorRtModel(path, **{name: options[name] for name in names if name in options})
