# SPDX-License-Identifier: Apache-2.0
"""Python codelets of the CUDA tests: device tensors from CuPy or PyTorch, checked and
forwarded, and a source that hands its CUDA stream along with the message. Each stage prints
'REPORT {json}' lines with the device pointers it saw."""

import json

import cupy

from gxf.core import MessageEntity
from gxf.cuda import CudaStreamId, CudaStreamPool
from gxf.python_codelet import CodeletAdapter
from gxf.std import Receiver, Tensor, Transmitter

SHAPE = (256, 384)


def expected(tick):
    """The device array the source sends on `tick`."""
    return cupy.arange(SHAPE[0] * SHAPE[1], dtype=cupy.float32).reshape(SHAPE) + tick


def device_pointer(tensor):
    """Device address of a tensor's data."""
    return tensor.__cuda_array_interface__["data"][0]


def report(**fields):
    """Print one REPORT line."""
    print("REPORT " + json.dumps(fields), flush=True)


class DeviceSource(CodeletAdapter):
    """Publishes a CuPy or PyTorch device array as a tensor (zero-copy)."""

    def start(self):
        params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"])
        self.framework = params.get("framework", "cupy")
        self.count = 0

    def tick(self):
        array = expected(self.count)
        if self.framework == "torch":
            import torch

            array = torch.from_dlpack(array)
            tensor = Tensor.from_dlpack(array)
            pointer = array.data_ptr()
        else:
            tensor = Tensor.as_tensor(array)
            pointer = array.data.ptr
        message = MessageEntity(self.context())
        Tensor.add_to_entity(message, tensor, "frame")
        report(stage="source", tick=self.count, pointer=pointer)
        self.tx.publish(message)
        self.count += 1


class DeviceCheck(CodeletAdapter):
    """Reads the tensor through the framework, checks it and forwards the message."""

    def start(self):
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), params["receiver"])
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"]) \
            if "transmitter" in params else None
        self.framework = params.get("framework", "cupy")
        self.stage = params["stage"]
        self.count = 0

    def tick(self):
        message = self.rx.receive()
        tensor = Tensor.get_from_entity(message, "frame")
        if self.framework == "torch":
            import torch

            array = torch.from_dlpack(tensor)
            pointer = array.data_ptr()
            same = bool(torch.equal(array, torch.from_dlpack(expected(self.count))))
        else:
            array = cupy.from_dlpack(tensor) if self.count % 2 else cupy.asarray(tensor)
            pointer = array.data.ptr
            same = bool(cupy.array_equal(array, expected(self.count)))
        report(stage=self.stage, tick=self.count, pointer=pointer,
               tensor_pointer=device_pointer(tensor), same=same,
               dlpack_device=list(tensor.__dlpack_device__()))
        if self.tx is not None:
            self.tx.publish(message)
        self.count += 1


class StreamSource(CodeletAdapter):
    """Fills a device tensor on a pool stream and hands the stream along (CudaStreamId)."""

    def start(self):
        params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"])
        pool = CudaStreamPool.get(self.context(), self.cid(), params["stream_pool"])
        self.stream_cid, self.stream = pool.allocate_stream()
        self.count = 0

    def tick(self):
        stream = cupy.cuda.ExternalStream(self.stream.stream())
        with stream:
            array = cupy.zeros((2048, 2048), dtype=cupy.float32)
            for _ in range(20):  # enough work that the stream is still busy at publish
                array += 1.0
        message = MessageEntity(self.context())
        Tensor.add_to_entity(message, Tensor.as_tensor(array), "frame")
        stream_id = CudaStreamId.add_to_entity(message, "stream")
        stream_id.stream_cid = self.stream_cid
        self.tx.publish(message)
        self.count += 1


class StreamSink(CodeletAdapter):
    """Checks the stream is idle when the message arrives and the data is complete."""

    def start(self):
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), params["receiver"])

    def tick(self):
        message = self.rx.receive()
        stream_cid = CudaStreamId.get_from_entity(message, "stream").stream_cid
        tensor = Tensor.get_from_entity(message, "frame")
        array = cupy.asarray(tensor)
        report(stream_cid=stream_cid, minimum=float(array.min()), maximum=float(array.max()))
