# SPDX-License-Identifier: Apache-2.0
"""ONNX Runtime backend: the CPU execution provider everywhere, the CUDA provider where
onnxruntime-gpu and a GPU are there. Device tensors are bound in place (IO binding), so they
stay on the device and the outputs are left there."""

import numpy as np

from gxf.inference.errors import InferenceError
from gxf.inference.model import Binding, Model, on_device
from gxf.python_codelet._python_codelet import call_without_codelet_lock

__all__ = ["OnnxRuntimeModel", "load"]

_ONNX_TYPES = {
    "tensor(float)": np.float32, "tensor(double)": np.float64, "tensor(float16)": np.float16,
    "tensor(int8)": np.int8, "tensor(uint8)": np.uint8, "tensor(int16)": np.int16,
    "tensor(uint16)": np.uint16, "tensor(int32)": np.int32, "tensor(uint32)": np.uint32,
    "tensor(int64)": np.int64, "tensor(uint64)": np.uint64, "tensor(bool)": np.bool_,
}


def _binding(node):
    """A Binding of an ONNX Runtime NodeArg (symbolic extents are dynamic)."""
    shape = [extent if isinstance(extent, int) and extent >= 0 else None
             for extent in node.shape] if node.shape is not None else None
    return Binding(node.name, shape, _ONNX_TYPES.get(node.type))


def _cuda_usable(ort):
    """Whether this onnxruntime has the CUDA provider and a GPU is there."""
    if "CUDAExecutionProvider" not in ort.get_available_providers():
        return False
    try:
        import cupy

        return cupy.cuda.runtime.getDeviceCount() > 0
    except Exception:  # noqa: BLE001 - no CuPy or no driver: no device path
        return False


class OnnxRuntimeModel(Model):
    """An InferenceSession."""

    runtime = "ONNX Runtime"
    host_native = True  # session.run takes and returns NumPy whatever the provider

    def __init__(self, path, device_id=0, verbose=False):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.log_severity_level = 0 if verbose else 3
        self.uses_cuda = _cuda_usable(ort)
        providers = ([("CUDAExecutionProvider", {"device_id": device_id})]
                     if self.uses_cuda else []) + ["CPUExecutionProvider"]
        try:
            self.session = ort.InferenceSession(path, sess_options=options, providers=providers)
        except Exception as error:  # noqa: BLE001 - the runtime's reason, with the file
            raise InferenceError(f"model_file_path '{path}': ONNX Runtime cannot load it: "
                                 f"{str(error).strip()}") from None
        self.device_id = device_id
        self._output_names = [node.name for node in self.session.get_outputs()]
        super().__init__(path, map(_binding, self.session.get_inputs()),
                         map(_binding, self.session.get_outputs()))

    def as_array(self, tensor):
        """NumPy for host tensors; CuPy (zero copy) for device tensors with the CUDA provider."""
        if not on_device(tensor):
            return np.asarray(tensor)
        if not self.uses_cuda:
            raise InferenceError("the input tensor is in device memory, but this onnxruntime "
                                 "has no CUDA execution provider (or no GPU is there): install "
                                 "onnxruntime-gpu, or send host tensors")
        import cupy

        return cupy.asarray(tensor)

    def stack(self, arrays):
        """Frames stacked on the device they are on."""
        return self._xp(arrays[0]).stack(arrays)

    def concatenate(self, arrays):
        """Batches joined on the device they are on."""
        return self._xp(arrays[0]).concatenate(arrays)

    @staticmethod
    def _xp(array):
        if isinstance(array, np.ndarray):
            return np
        import cupy

        return cupy

    def run_host(self, feeds):
        """session.run on NumPy feeds (outputs are fresh, C-contiguous NumPy arrays)."""
        return self.run(feeds)

    def host_call(self):
        """session.run itself: the host path calls it without the Python layers of run_host
        (3-5 us a run); a run that fails is run again through run_host for its error."""
        return self.session.run

    def run(self, feeds):
        """Host feeds run directly; device feeds through IO binding, outputs left on the GPU."""
        if all(isinstance(array, np.ndarray) for array in feeds.values()):
            try:
                # Out of the Python codelet call lock while the runtime works (it lets the GIL
                # go too): other Python codelets of the graph run meanwhile.
                values = call_without_codelet_lock(self.session.run, self._output_names, feeds)
            except Exception as error:  # noqa: BLE001 - a shape the model rejects at run time
                raise InferenceError(f"ONNX Runtime failed to run '{self.path}': "
                                     f"{str(error).strip()}") from None
            return dict(zip(self._output_names, values))
        return self._run_bound(feeds)

    def _run_bound(self, feeds):
        import cupy

        binding = self.session.io_binding()
        for name, array in feeds.items():
            array = cupy.ascontiguousarray(cupy.asarray(array))
            binding.bind_input(name, "cuda", self.device_id, array.dtype, list(array.shape),
                               array.data.ptr)
        for name in self._output_names:
            binding.bind_output(name, "cuda", self.device_id)
        # ONNX Runtime runs on its own stream; the inputs were written on the current one.
        cupy.cuda.get_current_stream().synchronize()
        call_without_codelet_lock(self.session.run_with_iobinding, binding)
        return {name: _device_array(value) for name, value in
                zip(self._output_names, binding.get_outputs())}


def _device_array(value):
    """A CuPy array over an OrtValue on the GPU (keeps the OrtValue alive)."""
    import cupy

    dtype = np.dtype(_ONNX_TYPES[value.data_type()])
    shape = tuple(value.shape())
    size = int(np.prod(shape)) * dtype.itemsize
    memory = cupy.cuda.UnownedMemory(value.data_ptr(), size, value)
    return cupy.ndarray(shape, dtype, cupy.cuda.MemoryPointer(memory, 0))


def load(path, device_id=0, verbose=False, **_):
    """An OnnxRuntimeModel of the ONNX file `path`."""
    return OnnxRuntimeModel(path, device_id=device_id, verbose=verbose)
