#!/usr/bin/env python3
"""Flow API overhead: 1080p RGB frames through inject -> map(identity) -> retrieve, against
the same chain written as three PyCodeletV0 codelets in PyComputeEntity entities (PyData
messages, greedy scheduler). Both send one preallocated frame (no copy), so the figure is the
per-stage cost of each API.

    python tools/bench/flow.py [--frames 2000] [--repeat 3]

Prints microseconds per frame for each chain and the ratio flow / codelets (target <= 1.5).
"""

import argparse
import time

import numpy as np

import gxf.std as std
from gxf.core import Graph, MessageEntity
from gxf.flow import Buffer, BufferProvider, BufferRetriever, Flow, Pipeline, as_tensor
from gxf.python_codelet import CodeletAdapter, PyComputeEntity, PyData
from gxf.std import GreedyScheduler, RealtimeClock

FRAME = np.zeros((1080, 1920, 3), dtype=np.uint8)


class FrameSource(BufferProvider):
    """`count` buffers viewing FRAME, then Buffer()."""

    def __init__(self, count):
        super().__init__()
        self.left = count
        self.tensor = as_tensor(FRAME, "HWC")

    def generate(self, size):
        if not self.left:
            return Buffer()
        self.left -= 1
        return self.tensor.wrap()


class Count(BufferRetriever):
    """Counts buffers."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def consume(self, buffer):
        self.count += 1
        return 1


def identity(buffer):
    """The map stage under test."""
    return buffer


class Producer(CodeletAdapter):
    """Sends FRAME as PyData once per tick."""

    def __init__(self):
        super().__init__()
        self.txs = ["out"]

    def tick(self):
        msg = MessageEntity(self.context())
        PyData.add_to_entity(msg, FRAME)
        self.out.publish(msg)


class Identity(CodeletAdapter):
    """Forwards the object it receives in a new message."""

    def __init__(self):
        super().__init__()
        self.rxs = ["in_"]
        self.txs = ["out"]

    def tick(self):
        msg = MessageEntity(self.context())
        PyData.add_to_entity(msg, PyData.get_from_entity(self.in_.receive()))
        self.out.publish(msg)


class Consumer(CodeletAdapter):
    """Takes each message."""

    def __init__(self):
        super().__init__()
        self.rxs = ["in_"]

    def tick(self):
        PyData.get_from_entity(self.in_.receive())


def run_flow(frames):
    """Seconds for `frames` frames through the Flow chain."""
    count = Count()
    pipeline = Pipeline("bench")
    Flow(pipeline).inject([FrameSource(frames)]).map(identity).retrieve(count)
    start = time.perf_counter()
    pipeline.start().wait()
    elapsed = time.perf_counter() - start
    assert count.count == frames, count.count
    return elapsed


def run_codelets(frames):
    """Seconds for `frames` frames through the PyCodeletV0 chain."""
    g = Graph("bench")
    clock = std.set_clock(g, RealtimeClock(name="clock"))
    std.set_scheduler(g, GreedyScheduler(clock=clock, stop_on_deadlock=True))
    producer = g.add(PyComputeEntity("producer", count=frames))
    producer.add_codelet("codelet", Producer(), rx_capacity=2, tx_capacity=2)
    middle = g.add(PyComputeEntity("identity", count=-1))
    middle.add_codelet("codelet", Identity(), rx_capacity=2, tx_capacity=2)
    consumer = g.add(PyComputeEntity("consumer", count=-1))
    consumer.add_codelet("codelet", Consumer(), rx_capacity=2, tx_capacity=2)
    std.connect(producer.out, middle.in_)
    std.connect(middle.out, consumer.in_)
    g.load_extensions()
    start = time.perf_counter()
    g.run()
    elapsed = time.perf_counter() - start
    g.destroy()
    return elapsed


def main():
    """Time both chains, best of --repeat runs, and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    # Interleaved, best of each: on a shared machine the load drifts between runs.
    flow, codelets = float("inf"), float("inf")
    for _ in range(args.repeat):
        flow = min(flow, run_flow(args.frames))
        codelets = min(codelets, run_codelets(args.frames))
    flow_us = flow / args.frames * 1e6
    codelets_us = codelets / args.frames * 1e6
    print(f"1080p RGB, {args.frames} frames, 3 stages, greedy scheduler, best of {args.repeat} interleaved")
    print(f"  flow     inject -> map(identity) -> retrieve : {flow_us:8.1f} us/frame")
    print(f"  codelets PyCodeletV0 x3 (PyData)             : {codelets_us:8.1f} us/frame")
    print(f"  ratio flow / codelets: {flow_us / codelets_us:.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
