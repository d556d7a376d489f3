# SPDX-License-Identifier: Apache-2.0
"""Model: what every runtime backend gives the runner: its input and output bindings (name,
declared shape, dtype) and run(feeds) -> outputs, plus the array operations batching needs on
the memory the backend works in."""

import numpy as np

from gxf.std import MemoryStorageType

_DEVICE = MemoryStorageType.kDevice

__all__ = ["Binding", "Model", "describe_shape", "on_device"]


def describe_shape(shape):
    """A declared shape as text, dynamic extents as '?' ("(?, 3, 8, 8)")."""
    return "(" + ", ".join("?" if extent is None else str(extent) for extent in shape) + \
        ("," if len(shape) == 1 else "") + ")"


def on_device(tensor):
    """Whether a gxf Tensor, or any DLPack / array-interface object, is in device memory."""
    storage_type = getattr(tensor, "storage_type", None)
    if storage_type is not None:  # a gxf Tensor: the hot path, one call and a compare
        return storage_type() == _DEVICE
    if hasattr(tensor, "__array_interface__"):
        try:
            tensor.__array_interface__
            return False
        except (AttributeError, TypeError):
            pass
    if hasattr(tensor, "__dlpack_device__"):
        return tensor.__dlpack_device__()[0] not in (1, 3)  # kDLCPU, kDLCUDAHost
    return hasattr(tensor, "__cuda_array_interface__")


class Binding:
    """One model input or output: name, declared shape (None for a dynamic extent; shape None
    when the model declares no shape) and NumPy dtype (None when undeclared)."""

    __slots__ = ("name", "shape", "dtype")

    def __init__(self, name, shape, dtype):
        self.name = name
        self.shape = None if shape is None else tuple(shape)
        self.dtype = None if dtype is None else np.dtype(dtype)

    @property
    def rank(self):
        """Number of dimensions, or None when undeclared."""
        return None if self.shape is None else len(self.shape)

    def __repr__(self):
        shape = "?" if self.shape is None else describe_shape(self.shape)
        return f"{self.name}: {shape} {self.dtype}"


class Model:
    """Base of the backends. Host arrays are NumPy; a backend working on the GPU overrides
    as_array / stack / concatenate for its device arrays."""

    runtime = "?"
    # Whether run_host takes host NumPy batches and returns host NumPy outputs, so the codelet
    # may stack and split host frames itself (host_frames.cpp) and call Python once per run.
    host_native = False
    # Whether staged_call() takes host NumPy batches in page-locked memory and leaves the
    # outputs on the GPU, so the codelet may stack host frames and split the outputs itself.
    device_staged = False
    device_index = 0  # the GPU a device_staged model runs on

    def __init__(self, path, inputs, outputs):
        self.path = path
        self.inputs = list(inputs)
        self.outputs = list(outputs)

    def run(self, feeds):
        """{output name: array} for {input name: array} (a full batch)."""
        raise NotImplementedError

    def run_host(self, feeds):
        """{output name: C-contiguous NumPy array} for {input name: NumPy batch}; backends
        with host_native set."""
        raise NotImplementedError

    def host_call(self):
        """A runtime function the codelet's host path may call itself instead of run_host, as
        function([output names], {input name: NumPy batch}) -> [NumPy outputs in that order],
        outside the Python codelet call lock; None where there is none (run_host is called)."""
        return None

    def staged_call(self):
        """For device_staged backends: function([output names], {input name: NumPy batch in
        page-locked memory}) -> ([DLPack capsules of the outputs, contiguous, in that order],
        the CUDA stream handle they are computed on), called outside the Python codelet call
        lock. The batch's memory may be written again once work queued on that stream after the
        call has run."""
        return None

    def wait_for(self, stream):
        """Make what reads a received message's data wait for `stream` (the gxf CudaStream
        its CudaStreamId names): here on the host; GPU backends order their own stream on the
        device instead."""
        stream.sync()

    def as_array(self, tensor):
        """The array this backend feeds for a received gxf Tensor or a DLPack / array-interface
        object (no copy where possible)."""
        if on_device(tensor):
            from gxf.inference.errors import InferenceError

            raise InferenceError(f"{self.runtime} runs this model on the CPU, but the tensor "
                                 "is in device memory")
        return np.asarray(tensor)

    def export(self, array):
        """What Tensor.as_tensor wraps to publish one of this backend's outputs: the array."""
        return array

    def dtype_of(self, array):
        """The NumPy dtype of one of this backend's arrays."""
        return np.dtype(array.dtype)

    def stack(self, arrays):
        """Frames stacked along a new leading batch dimension."""
        return np.stack(arrays)

    def concatenate(self, arrays):
        """Batches joined along their leading dimension."""
        return np.concatenate(arrays)

    def unstack(self, array):
        """Views of each row along the leading dimension (the frames of a batch output)."""
        return list(array)

    def copy_into(self, tensor, array):
        """Copy one of this backend's arrays into a gxf Tensor of the same layout."""
        if isinstance(array, np.ndarray):
            np.copyto(np.asarray(tensor), array)
        else:
            import cupy

            cupy.asarray(tensor)[...] = cupy.asarray(array)

    def close(self):
        """Release the runtime's resources."""
