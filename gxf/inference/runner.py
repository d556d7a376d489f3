# SPDX-License-Identifier: Apache-2.0
"""InferenceRunner: the work of the inference codelets (inference_codelet.cpp), called with the
Python codelet call lock and the GIL held. Each tick takes up to max_batch_size messages (one
from every rx each), runs the model once per batch and publishes one message per received one,
with the outputs named output_tensor_names and the input's acquisition time."""

import logging

import numpy as np

from gxf.core import MessageEntity
from gxf.core.errors import GxfError
from gxf.cuda import CudaStreamId  # also binds CudaStreamPool, handed over as cuda_stream_pool
from gxf.inference.backends import check_backend, load_model
from gxf.inference.batching import Batcher
from gxf.inference.errors import InferenceError
from gxf.inference.model import on_device
from gxf.std import MemoryStorageType, PrimitiveType, Shape, Tensor, TensorDescription, Timestamp

__all__ = ["InferenceError", "InferenceRunner", "check_backend"]

_LOG = logging.getLogger("gxf.inference")

_PRIMITIVE_TYPES = {
    np.dtype(np.int8): PrimitiveType.kInt8, np.dtype(np.uint8): PrimitiveType.kUnsigned8,
    np.dtype(np.int16): PrimitiveType.kInt16, np.dtype(np.uint16): PrimitiveType.kUnsigned16,
    np.dtype(np.int32): PrimitiveType.kInt32, np.dtype(np.uint32): PrimitiveType.kUnsigned32,
    np.dtype(np.int64): PrimitiveType.kInt64, np.dtype(np.uint64): PrimitiveType.kUnsigned64,
    np.dtype(np.float16): PrimitiveType.kFloat16, np.dtype(np.float32): PrimitiveType.kFloat32,
    np.dtype(np.float64): PrimitiveType.kFloat64,
}


class InferenceRunner:
    """The model, its Batcher and the component's queues; keyword arguments are the
    component's parameters (InferenceCodelet::runner_arguments)."""

    def __init__(self, backend, model_file_path, rx, tx, pool=None, cuda_stream_pool=None,
                 clock=None, input_tensor_names=(), input_binding_names=(),
                 output_tensor_names=(), output_binding_names=(), max_batch_size=1,
                 relaxed_dimension_check=True, verbose=False, where="", **options):
        if not rx:
            raise InferenceError("rx is empty: name at least one receiver")
        self.stream_pool = cuda_stream_pool
        self.stream_cid, stream = (cuda_stream_pool.allocate_stream()
                                   if cuda_stream_pool is not None else (None, None))
        self.model = load_model(backend, model_file_path, max_batch_size=max_batch_size,
                                verbose=verbose,
                                stream=stream.stream() if stream is not None else None,
                                **options)
        self.batcher = Batcher(self.model, input_tensor_names, output_tensor_names,
                               input_binding_names, output_binding_names, max_batch_size,
                               relaxed_dimension_check)
        self.rx = list(rx)
        self.tx = tx
        self.pool = pool
        self.clock = clock
        self.max_batch_size = max_batch_size
        if verbose:
            _LOG.warning("%s: %s model '%s': inputs %s, outputs %s", where, self.model.runtime,
                         model_file_path, self.model.inputs, self.model.outputs)

    def host_plan(self):
        """What the codelet needs to stack, run and split host frames itself (host_frames.cpp),
        or None where every tick goes through tick(): a model neither host_native nor
        device_staged, or an input or output without a declared shape and dtype. A dict:
        inputs [(tensor name, declared shape with -1 for dynamic extents, dtype name)],
        outputs [(tensor name, binding name, dtype name)], max_rows (most frames per run),
        model path, the model's host_call() with the input binding names it takes (call,
        call_inputs), device: -1, or for a device_staged model its GPU (call is then its
        staged_call()), and stream_cid: the component's stream, which the outputs name with a
        CudaStreamId, or None."""
        device = self.model.device_staged
        if not (self.model.host_native or device):
            return None
        outputs_by_name = {binding.name: binding for binding in self.model.outputs}
        outputs = [(tensor, outputs_by_name[binding]) for tensor, binding in self.batcher.outputs]
        if any(binding.shape is None or binding.dtype not in _PRIMITIVE_TYPES
               for _, binding in self.batcher.inputs + outputs):
            return None
        return {
            "inputs": [(tensor, [-1 if extent is None else extent for extent in binding.shape],
                        binding.dtype.name) for tensor, binding in self.batcher.inputs],
            "outputs": [(tensor, binding.name, binding.dtype.name) for tensor, binding in outputs],
            "max_rows": self.batcher.max_rows,
            "model": self.model.path,
            "call": self.model.staged_call() if device else self.model.host_call(),
            "call_inputs": [binding.name for _, binding in self.batcher.inputs],
            "device": self.model.device_index if device else -1,
            "stream_cid": self.stream_cid,
        }

    def run_host(self, arrays):
        """The model's outputs (C-contiguous NumPy, in output_tensor_names order) for stacked
        host batches (NumPy, in input_tensor_names order): the one Python call of a tick the
        codelet's host path makes."""
        outputs = self.model.run_host({binding.name: array for array, (_, binding)
                                       in zip(arrays, self.batcher.inputs)})
        return [np.ascontiguousarray(outputs[binding]) for _, binding in self.batcher.outputs]

    def tick(self):
        """Run the model on what the receivers hold (up to max_batch_size messages)."""
        blocks = []
        # One message out per message in: no more than downstream can take (see
        # Transmitter.room), at least one; one set of messages needs one from every rx.
        limit = min(self.max_batch_size, max(1, self.tx.room()),
                    min(rx.size() for rx in self.rx))
        for _ in range(limit):
            messages = [rx.receive() for rx in self.rx]
            self._wait_for_producers(messages)
            blocks.append(self.batcher.block(self._inputs(messages), tag=messages[0]))
        for group in self.batcher.batches(blocks):
            for block, outputs in zip(group, self.batcher.run(group)):
                self._publish(block.tag, outputs)

    def stop(self):
        """Release the model and the stream."""
        self.model.close()
        if self.stream_cid is not None:
            self.stream_pool.release_stream(self.stream_cid)
            self.stream_cid = None

    def _wait_for_producers(self, messages):
        """Order the model's reads after the streams the messages' data are made on (their
        CudaStreamId, GXF's convention), before anything reads them: on the device for a
        message of device tensors only, else on the host (the CPU reads its host tensors)."""
        for message in messages:
            stream_id = CudaStreamId.find_from_entity(message)
            if stream_id is None:
                continue
            try:
                stream = stream_id.stream()
            except GxfError as error:
                raise InferenceError(f"the CudaStreamId of a received message: {error}") from None
            if all(on_device(tensor) for tensor in Tensor.find_all_from_entity(message)):
                self.model.wait_for(stream)
            else:
                stream.sync()

    def _inputs(self, messages):
        """The model-input arrays of one set of messages (one from each rx)."""

        def find(name):
            for message in messages:
                try:
                    return self.model.as_array(Tensor.get_from_entity(message, name))
                except ValueError:
                    continue
            return None

        def only():
            tensors = [tensor for message in messages
                       for tensor in Tensor.find_all_from_entity(message)]
            return self.model.as_array(tensors[0]) if len(tensors) == 1 else None

        def names():
            return [name for message in messages for name in message.component_names()
                    if name != "timestamp"]

        return self.batcher.select(find, only, names)

    def _publish(self, received, outputs):
        message = MessageEntity(received.context())
        for name, array in outputs.items():
            self._add_tensor(message, name, array)
        if self.stream_cid is not None:  # the stream the outputs are made on, as GXF's codelets
            CudaStreamId.add_to_entity(message).stream_cid = self.stream_cid
        stamp = Timestamp.find_from_entity(received)
        if stamp is not None:
            acqtime = stamp[0]
        else:
            acqtime = self.clock.timestamp() if self.clock is not None else None
        self.tx.publish(message, acqtime)

    def _add_tensor(self, message, name, array):
        """Add output `array` as tensor `name`: in the runtime's memory without a pool, else
        copied into memory from the pool."""
        if self.pool is None:
            Tensor.add_to_entity(message, Tensor.as_tensor(self.model.export(array)), name)
        elif isinstance(array, np.ndarray):
            Tensor.add_np_array_as_tensor_to_entity(message, name, array, self.pool)
        else:
            dtype = self.model.dtype_of(array)
            tensor = Tensor.add_to_entity(message, name)
            tensor.reshape(TensorDescription(name, MemoryStorageType.kDevice,
                                             Shape(list(array.shape)), _PRIMITIVE_TYPES[dtype],
                                             dtype.itemsize), self.pool)
            self.model.copy_into(tensor, array)
