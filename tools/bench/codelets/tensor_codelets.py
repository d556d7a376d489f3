"""Python codelets of the tensor benchmark (tools/bench/tensor.py).

FrameSource allocates one 1920x1080x3 uint8 frame per tick from the BlockMemoryPool named by
``codelet_params: {allocator: ...}`` (host or device) and publishes it; FrameStage takes the
frame, views it as a NumPy or CuPy array without copying, does the per-stage work (one pixel
incremented in place) and forwards it; FrameSink does the same work and counts frames. The
same work without a graph is `stage_work` in a loop (tensor.py measures both).
"""

import json
import os

import numpy as np

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import (Allocator, MemoryStorageType, PrimitiveType, Receiver, Shape, Tensor,
                     TensorDescription, Transmitter)

FRAME_SHAPE = (1080, 1920, 3)
RESULT_ENV = "GXF_BENCH_TENSOR_OUT"


def array_module(device):
    """numpy for host frames, cupy for device frames."""
    if device:
        import cupy

        return cupy
    return np


def stage_work(array):
    """The work each stage does on the frame: increment one pixel in place."""
    array[0, 0, 0] += 1


class FrameSource(CodeletAdapter):
    """Publishes a new frame per tick, allocated from a block pool."""

    def start(self):
        params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"])
        self.allocator = Allocator.get(self.context(), self.cid(), params["allocator"])
        storage = MemoryStorageType.kDevice if params["device"] else MemoryStorageType.kHost
        self.description = TensorDescription("frame", storage, Shape(list(FRAME_SHAPE)),
                                             PrimitiveType.kUnsigned8, 1)

    def tick(self):
        message = MessageEntity(self.context())
        Tensor.add_to_entity(message, "frame").reshape(self.description, self.allocator)
        self.tx.publish(message)


class FrameStage(CodeletAdapter):
    """Views the frame as an array, does the stage work, forwards the message."""

    def start(self):
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), params["receiver"])
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"])
        self.xp = array_module(params["device"])

    def tick(self):
        message = self.rx.receive()
        stage_work(self.xp.asarray(Tensor.get_from_entity(message, "frame")))
        self.tx.publish(message)


class FrameSink(CodeletAdapter):
    """Views the frame, does the stage work, counts frames."""

    def start(self):
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), params["receiver"])
        self.xp = array_module(params["device"])
        self.count = 0

    def tick(self):
        message = self.rx.receive()
        stage_work(self.xp.asarray(Tensor.get_from_entity(message, "frame")))
        self.count += 1

    def stop(self):
        if self.xp is not np:
            self.xp.cuda.runtime.deviceSynchronize()
        path = os.environ.get(RESULT_ENV)
        if path:
            with open(path, "w", encoding="utf-8") as stream:
                json.dump({"received": self.count}, stream)
