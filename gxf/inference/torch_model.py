# SPDX-License-Identifier: Apache-2.0
"""PyTorch backend: a torch.export program (.pt2, saved by torch.export.save) or a TorchScript
module (torch.jit.save). The model runs on the GPU where torch has CUDA; device tensors are
taken in place through DLPack and the outputs stay on the device."""

import os
import warnings

import numpy as np

from gxf.inference.errors import InferenceError
from gxf.inference.model import Binding, Model, on_device
from gxf.inference.torch_cuda_graph import CudaGraphs
from gxf.inference.torch_upload import HostUploader, batch_shape
from gxf.python_codelet._python_codelet import call_without_codelet_lock
from gxf.std import Tensor

__all__ = ["TorchModel", "load"]


def _numpy_dtype(torch, dtype):
    """The NumPy dtype of a torch dtype (None where NumPy has none, e.g. bfloat16)."""
    try:
        return torch.empty(0, dtype=dtype).numpy().dtype
    except (TypeError, RuntimeError):
        return None


def _extent(torch, size):
    """An int extent, or None for a symbolic (dynamic) one."""
    return int(size) if isinstance(size, int) else None


def _exported_bindings(torch, program):
    """(inputs, outputs) Bindings of an ExportedProgram, from its graph's fake tensors."""
    signature = program.graph_signature
    nodes = {node.name: node for node in program.graph.nodes}

    def binding(name, node):
        value = node.meta.get("val") if node is not None else None
        if value is None or not hasattr(value, "shape"):
            return Binding(name, None, None)
        return Binding(name, [_extent(torch, size) for size in value.shape],
                       _numpy_dtype(torch, value.dtype))

    inputs = [binding(name, nodes.get(name)) for name in signature.user_inputs]
    output_node = next(node for node in program.graph.nodes if node.op == "output")
    returned = output_node.args[0]
    returned = returned if isinstance(returned, (list, tuple)) else [returned]
    by_name = {getattr(node, "name", None): node for node in returned}
    outputs = [binding(name, by_name.get(name)) for name in signature.user_outputs]
    return inputs, outputs


def _script_bindings(module):
    """(inputs, outputs) Bindings of a TorchScript module: names from forward's schema; the
    shapes are not declared, so tensors are fed as they are; outputs are output_<i>."""
    schema = module.forward.schema
    inputs = [Binding(argument.name, None, None) for argument in schema.arguments[1:]]
    returned = schema.returns[0].type if schema.returns else None
    count = len(returned.elements()) if hasattr(returned, "elements") else 1
    return inputs, [Binding(f"output_{index}", None, None) for index in range(count)]


class _HostBatch:
    """Host tensors a GPU model's run() stacks (or joins) into one upload."""

    __slots__ = ("parts", "stack", "shape", "dtype")

    def __init__(self, parts, stack):
        self.parts = parts
        self.stack = stack
        self.shape = batch_shape(parts, stack)  # a CUDA graph's signature, before the upload
        self.dtype = parts[0].dtype


class _Staged:
    """A batch the codelet stacked into page-locked memory (host_frames.cpp): uploaded as it is,
    without waiting; the codelet knows when the buffer is free again."""

    __slots__ = ("tensor", "shape", "dtype")

    def __init__(self, tensor):
        self.tensor = tensor
        self.shape = tensor.shape
        self.dtype = tensor.dtype


class TorchModel(Model):
    """A torch module in inference mode."""

    runtime = "PyTorch"

    def __init__(self, path, device_id=0, stream=None, cuda_graph=True):
        import torch

        self.torch = torch
        from torch.utils.dlpack import from_dlpack, to_dlpack

        self._from_dlpack, self._to_dlpack = from_dlpack, to_dlpack
        self.device = (torch.device("cuda", device_id) if torch.cuda.is_available()
                       else torch.device("cpu"))
        try:
            if os.path.splitext(path)[1].lower() == ".pt2":
                with warnings.catch_warnings():
                    # torch.export.load warns about its own read-only archive buffers (torch
                    # 2.11); under warnings-as-errors that would fail a good model.
                    warnings.filterwarnings("ignore", message="The given buffer is not writable")
                    program = torch.export.load(path)
                inputs, outputs = _exported_bindings(torch, program)
                module = program.module().to(self.device)
            else:
                module = torch.jit.load(path, map_location=self.device)
                inputs, outputs = _script_bindings(module)
        except Exception as error:  # noqa: BLE001 - the runtime's reason, with the file
            raise InferenceError(f"model_file_path '{path}': PyTorch cannot load it as a "
                                 "torch.export (.pt2) or TorchScript file: "
                                 f"{str(error).strip().splitlines()[0]}") from None
        self.module = module
        # A stream from the component's cuda_stream_pool; else torch's current stream.
        self.stream = (torch.cuda.ExternalStream(stream, device=self.device)
                       if stream and self.device.type == "cuda" else None)
        self._dtypes = {}
        self._external_streams = {}  # wait_for's torch views of gxf streams, by handle
        # Host frames for a GPU model: stacked into page-locked memory, uploaded per batch.
        self._uploader = (HostUploader(torch, self.device) if self.device.type == "cuda"
                          else None)
        # A torch.export program on the GPU replays CUDA graphs (TorchScript may hold Python
        # control flow a graph would freeze).
        exported = os.path.splitext(path)[1].lower() == ".pt2"
        self._graphs = (CudaGraphs(torch, module, self.device, path)
                        if cuda_graph and exported and self.device.type == "cuda" else None)
        # On the CPU, NumPy batches cross into torch and back without a copy; on the GPU the
        # codelet stacks host frames into page-locked memory for staged_call().
        self.host_native = self.device.type == "cpu"
        self.device_staged = self.device.type == "cuda"
        self.device_index = self.device.index or 0
        super().__init__(path, inputs, outputs)

    def wait_for(self, stream):
        """Torch's current stream (the legacy default one outside run(), which reads the
        received tensors and stacks them) waits for `stream` on the device: no host wait."""
        if self.device.type != "cuda":
            super().wait_for(stream)
            return
        handle = stream.stream()
        external = self._external_streams.get(handle)
        if external is None:
            external = self._external_streams[handle] = self.torch.cuda.ExternalStream(
                handle, device=self.device)
        self.torch.cuda.current_stream(self.device).wait_stream(external)

    def as_array(self, tensor):
        """A torch tensor over the gxf tensor's memory. Host memory stays where it is for a
        model on the GPU: run() uploads a batch of it at once (HostUploader)."""
        if isinstance(tensor, Tensor):
            # The capsule straight from the gxf tensor (torch.from_dlpack's protocol dance, in
            # Python, costs 4 us more). Device memory is read on torch's current stream, the
            # legacy default one outside run(): stream 1, as from_dlpack would pass.
            array = self._from_dlpack(tensor.__dlpack__(stream=1 if on_device(tensor) else None))
        else:
            array = self.torch.from_dlpack(tensor)
        if array.device == self.device or (self._uploader is not None and
                                           array.device.type == "cpu"):
            return array
        return array.to(self.device)

    def export(self, array):
        """A DLPack capsule of an output (torch.utils.dlpack.to_dlpack: 0.3 us, where
        Tensor.as_tensor of the torch tensor goes through torch's Python-level interfaces,
        12 us). The capsule carries no stream: run() computes on torch's current stream, the
        legacy default one that consumers of device tensors order after, or orders that one
        after its own stream."""
        return self._to_dlpack(array)

    def dtype_of(self, array):
        """The NumPy dtype of a torch tensor."""
        dtype = self._dtypes.get(array.dtype)
        if dtype is None:
            dtype = self._dtypes[array.dtype] = _numpy_dtype(self.torch, array.dtype)
        return dtype

    def stack(self, arrays):
        """torch.stack; host frames for a GPU model are stacked by the upload in run()."""
        if self._all_on_host(arrays):
            return _HostBatch(arrays, stack=True)
        return self.torch.stack(self._same_device(arrays))

    def concatenate(self, arrays):
        """torch.cat; host batches for a GPU model are joined by the upload in run()."""
        if self._all_on_host(arrays):
            return _HostBatch(arrays, stack=False)
        return self.torch.cat(self._same_device(arrays))

    def unstack(self, array):
        """tensor.unbind(0): every frame's view in one call."""
        return array.unbind(0)

    def _all_on_host(self, arrays):
        """Whether `arrays` are host tensors waiting for a GPU model's upload."""
        return self._uploader is not None and all(array.device.type == "cpu"
                                                  for array in arrays)

    def _same_device(self, arrays):
        """`arrays` on the model's device (host frames mixed with device ones are moved)."""
        return [array if array.device == self.device else array.to(self.device)
                for array in arrays]

    def run_host(self, feeds):
        """run() on NumPy feeds shared with torch (CPU model), outputs as NumPy."""
        torch = self.torch
        outputs = self.run({name: torch.from_numpy(array) for name, array in feeds.items()})
        return {name: np.ascontiguousarray(value.numpy()) for name, value in outputs.items()}

    def copy_into(self, tensor, array):
        """Copy a torch tensor into a gxf Tensor (on the device it is on)."""
        self.torch.from_dlpack(tensor).copy_(array)

    def staged_call(self):
        """The GPU model's run for batches the codelet staged (Model.staged_call)."""
        return self._run_staged if self.device_staged else None

    def _run_staged(self, names, feeds):
        """Model.staged_call(): the outputs `names` for page-locked NumPy `feeds`, as DLPack
        capsules (a CUDA graph's own outputs, which the codelet copies out on the stream before
        the next replay), and the stream."""
        torch = self.torch
        arguments = [_Staged(torch.from_numpy(feeds[binding.name])) for binding in self.inputs]
        try:
            with torch.inference_mode():
                stream = (self.stream if self.stream is not None
                          else torch.cuda.current_stream(self.device))
                with torch.cuda.stream(stream):
                    by_name = self._by_name(self._forward(arguments, copy_out=False))
                    # contiguous() is the tensor itself where it already is (no copy).
                    return ([self._to_dlpack(by_name[name].contiguous()) for name in names],
                            stream.cuda_stream)
        except Exception as error:  # noqa: BLE001 - a shape the program rejects at run time
            raise self._failure(error) from None

    @staticmethod
    def _values(result):
        """The module's outputs as a list (a single tensor, or a list or tuple of them)."""
        return list(result) if isinstance(result, (list, tuple)) else [result]

    def _by_name(self, result):
        """{output binding name: tensor} of the module's result."""
        return {binding.name: value
                for binding, value in zip(self.outputs, self._values(result))}

    def _failure(self, error):
        """The InferenceError for an exception raised while the module ran."""
        return InferenceError(f"PyTorch failed to run '{self.path}': "
                              f"{str(error).strip().splitlines()[0]}")

    def _host_parts(self, feed):
        """(host tensors, stack) a feed uploads from, or None for a feed on the device."""
        if isinstance(feed, _HostBatch):
            return feed.parts, feed.stack
        if self._uploader is not None and feed.device.type == "cpu":
            return [feed], False
        return None

    def _on_device(self, feed):
        """A feed on the model's device: host tensors go through the uploader, on the current
        stream."""
        if isinstance(feed, _Staged):
            return feed.tensor.to(self.device, non_blocking=True)
        host = self._host_parts(feed)
        return feed if host is None else self._uploader.upload(*host)

    def _send(self, feed, destination):
        """Copy a feed into `destination`, a device tensor of its shape (a CUDA graph's
        input): host data straight from the staging buffer."""
        if isinstance(feed, _Staged):
            destination.copy_(feed.tensor, non_blocking=True)
            return
        host = self._host_parts(feed)
        if host is None:
            destination.copy_(feed)
        else:
            self._uploader.send(self._uploader.stage(*host), destination)

    def _forward(self, feeds, copy_out=True):
        """The outputs for `feeds`: a CUDA graph's replay where there is one (its own output
        tensors without copy_out), else the module's call."""
        if self._graphs is not None:
            result = self._graphs.run(feeds, self._on_device, self._send, copy_out)
            if result is not None:
                return result
        return self.module(*[self._on_device(feed) for feed in feeds])

    def _call(self, arguments):
        """The module's outputs for `arguments`, on the component's stream where it has one."""
        torch = self.torch
        with torch.inference_mode():
            if self.stream is None:
                return self._forward(arguments)
            legacy = torch.cuda.default_stream(self.device)
            # The inputs were received (and stacked) after the legacy stream; the component's
            # stream may be a non-blocking one (CudaStreamPool's default), which does not wait.
            self.stream.wait_stream(legacy)
            with torch.cuda.stream(self.stream):
                result = self._forward(arguments)
            # Consumers read device tensors after the legacy default stream (the engine's
            # convention): it waits for ours on the device, and the outputs' memory is not
            # reused before what was queued there when they are freed has run. No host wait.
            legacy.wait_stream(self.stream)
            for output in self._values(result):
                if output.device.type == "cuda":
                    output.record_stream(legacy)
            return result

    def close(self):
        """Drop the CUDA graphs (their memory)."""
        if self._graphs is not None:
            self._graphs.close()
        super().close()

    def run(self, feeds):
        """Call the module with the inputs in declared order."""
        arguments = [feeds[binding.name] for binding in self.inputs]
        try:
            # Out of the Python codelet call lock while the module runs: other Python
            # codelets of the graph run whenever torch lets the GIL go (inside its kernels).
            result = call_without_codelet_lock(self._call, arguments)
        except Exception as error:  # noqa: BLE001 - a shape the program rejects at run time
            raise self._failure(error) from None
        return self._by_name(result)


def load(path, device_id=0, stream=None, cuda_graph=True, **_):
    """A TorchModel of the torch.export or TorchScript file `path`."""
    return TorchModel(path, device_id=device_id, stream=stream, cuda_graph=cuda_graph)
