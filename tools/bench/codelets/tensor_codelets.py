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
                     TensorDescription, Transmitter, cuda_traffic)

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


def array_view(params):
    """The function a stage views a frame's tensor with, without a copy: `asarray` (the array
    interfaces, as GXF's Python codelet examples do; CuPy synchronizes the producer's stream
    there) or `dlpack` (from_dlpack: the consumer's stream waits on the producer's, no host
    synchronisation)."""
    xp = array_module(params["device"])
    return xp.from_dlpack if params.get("interop") == "dlpack" else xp.asarray


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
        self.view = array_view(params)

    def tick(self):
        if STEP_TIMES is not None:
            return self.timed_tick()
        message = self.rx.receive()
        stage_work(self.view(Tensor.get_from_entity(message, "frame")))
        self.tx.publish(message)

    def timed_tick(self):
        """tick() with a time stamp between its steps (--breakdown)."""
        clock = time.perf_counter_ns
        t0 = clock()
        message = self.rx.receive()
        t1 = clock()
        tensor = Tensor.get_from_entity(message, "frame")
        t2 = clock()
        array = self.view(tensor)
        t3 = clock()
        stage_work(array)
        t4 = clock()
        self.tx.publish(message)
        STEP_TIMES.add((t0, t1, t2, t3, t4, clock()))


class FrameSink(CodeletAdapter):
    """Views the frame, does the stage work, counts frames, and notes when the steady state
    began (after `warmup` frames: imports, first kernels and first allocations are behind)
    and when the last frame arrived, so tensor.py can time the steady state alone."""

    def start(self):
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), params["receiver"])
        self.xp = array_module(params["device"])
        self.view = array_view(params)
        self.warmup = int(params.get("warmup", 0))
        self.count = 0
        self.steady_from_ns = self.last_ns = None
        self.traffic_from = None

    def tick(self):
        message = self.rx.receive()
        stage_work(self.view(Tensor.get_from_entity(message, "frame")))
        self.count += 1
        if self.count == self.warmup:
            self.steady_from_ns = self.finished_ns()
            self.traffic_from = cuda_traffic()
        self.last_ns = time.perf_counter_ns()

    def finished_ns(self):
        """Now, after the device (when frames are on it) has done the work queued so far."""
        if self.xp is not np:
            self.xp.cuda.runtime.deviceSynchronize()
        return time.perf_counter_ns()

    def stop(self):
        if self.count:
            self.last_ns = self.finished_ns()
        # The engine's CUDA copies and allocations during the steady state (0 is the goal).
        traffic = None
        if self.traffic_from is not None:
            now = cuda_traffic()
            traffic = {key: now[key] - self.traffic_from[key] for key in now}
        path = os.environ.get(RESULT_ENV)
        if path:
            with open(path, "w", encoding="utf-8") as stream:
                json.dump({"received": self.count, "warmup": self.warmup,
                           "steady_from_ns": self.steady_from_ns, "last_ns": self.last_ns,
                           "traffic": traffic},
                          stream)
