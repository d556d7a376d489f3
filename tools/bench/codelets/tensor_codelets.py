"""Python codelets of the tensor benchmark (tools/bench/tensor.py).

FrameSource allocates one 1920x1080x3 uint8 frame per tick from the BlockMemoryPool named by
``codelet_params: {allocator: ...}`` (host or device) and publishes it; FrameStage takes the
frame, views it as a NumPy or CuPy array without copying, does the per-stage work (one pixel
incremented in place) and forwards it; FrameSink does the same work and counts frames. The
same work without a graph is `stage_work` in a loop (tensor.py measures both).
"""

import atexit
import json
import os
import time

import numpy as np

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import (Allocator, MemoryStorageType, PrimitiveType, Receiver, Shape, Tensor,
                     TensorDescription, Transmitter)

FRAME_SHAPE = (1080, 1920, 3)
RESULT_ENV = "GXF_BENCH_TENSOR_OUT"
BREAKDOWN_ENV = "GXF_BENCH_TENSOR_BREAKDOWN"
STEPS = ("receive", "get_tensor", "as_array", "work", "publish")


class StepTimes:
    """Nanoseconds spent in each step of the stages' ticks, summed over every stage tick and
    written as JSON to $GXF_BENCH_TENSOR_BREAKDOWN at exit (tensor.py --breakdown). The time
    between ticks (the engine's share of a hop) is what the graph time leaves over."""

    def __init__(self, path):
        self.path = path
        self.totals = dict.fromkeys(STEPS, 0)
        self.ticks = 0
        atexit.register(self.write)

    def add(self, stamps):
        """Add one tick's step boundaries (len(STEPS) + 1 perf_counter_ns stamps)."""
        for step, begin, end in zip(STEPS, stamps, stamps[1:]):
            self.totals[step] += end - begin
        self.ticks += 1

    def write(self):
        """Write the totals (called at interpreter exit)."""
        with open(self.path, "w", encoding="utf-8") as stream:
            json.dump({"ticks": self.ticks, "ns": self.totals}, stream)


STEP_TIMES = StepTimes(os.environ[BREAKDOWN_ENV]) if os.environ.get(BREAKDOWN_ENV) else None


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
        if STEP_TIMES is not None:
            return self.timed_tick()
        message = self.rx.receive()
        stage_work(self.xp.asarray(Tensor.get_from_entity(message, "frame")))
        self.tx.publish(message)

    def timed_tick(self):
        """tick() with a time stamp between its steps (--breakdown)."""
        clock = time.perf_counter_ns
        t0 = clock()
        message = self.rx.receive()
        t1 = clock()
        tensor = Tensor.get_from_entity(message, "frame")
        t2 = clock()
        array = self.xp.asarray(tensor)
        t3 = clock()
        stage_work(array)
        t4 = clock()
        self.tx.publish(message)
        STEP_TIMES.add((t0, t1, t2, t3, t4, clock()))


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
