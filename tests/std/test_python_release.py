# SPDX-License-Identifier: Apache-2.0
"""Python objects held by tensors and dropped by C++ codelets (gxf/std/bindings/
python_release.cpp): released by the next codelet call into Python while Python codelets tick,
by the helper thread once none comes, and never leaked."""

import gc
import time
import weakref

import numpy as np

import gxf.std as std
from gxf.core import Graph, MessageEntity
from gxf.python_codelet import CodeletAdapter, PyComputeEntity
from gxf.sample import PingRx
from gxf.std import ComputeEntity, GreedyScheduler, RealtimeClock, Tensor
from gxf.std import _std

ARRAYS = []  # weak references to every array ArraySource published


class ArraySource(CodeletAdapter):
    """Publishes a fresh NumPy array per tick, wrapped without a copy (the tensor holds it)."""

    def __init__(self):
        super().__init__()
        self.txs = ["out"]

    def tick(self):
        array = np.full(256, len(ARRAYS), np.float32)
        ARRAYS.append(weakref.ref(array))
        message = MessageEntity(self.context())
        Tensor.add_to_entity(message, Tensor.as_tensor(array), "signal")
        self.out.publish(message)


def run_source_into_ping_rx(count, workers=0):
    """ArraySource (`count` ticks) -> sample PingRx, which receives and drops each message in
    C++, without the GIL; the counts' change over the run."""
    ARRAYS.clear()
    g = Graph()
    clock = std.set_clock(g, RealtimeClock(name="clock"))
    scheduler = (std.EventBasedScheduler(clock=clock, worker_thread_number=workers,
                                         stop_on_deadlock=True, max_duration_ms=60000)
                 if workers else GreedyScheduler(clock=clock, max_duration_ms=60000))
    std.set_scheduler(g, scheduler)
    source = g.add(PyComputeEntity("source", count=count)).add_codelet("codelet", ArraySource())
    del source
    rx = g.add(ComputeEntity("rx")).add_codelet(PingRx())
    std.connect(g.source.out, rx.signal)
    before = _std._python_release_counts()
    g.load_extensions()
    g.run()
    g.destroy()
    return {key: value - before[key] for key, value in _std._python_release_counts().items()}


def alive_after(seconds):
    """How many published arrays are still alive after waiting up to `seconds` for them."""
    deadline = time.monotonic() + seconds
    while True:
        gc.collect()
        alive = sum(ref() is not None for ref in ARRAYS)
        if alive == 0 or time.monotonic() > deadline:
            return alive
        time.sleep(0.01)


def test_codelet_calls_release_what_cpp_codelets_drop():
    counts = run_source_into_ping_rx(2000)
    assert len(ARRAYS) == 2000
    assert alive_after(2.0) == 0
    # Every array went through the queue; the source's own ticks ran all but the last few
    # (the helper takes the GIL only after a period without a codelet call running any).
    assert counts["queued"] >= 2000, counts
    assert counts["by_codelet_calls"] + counts["by_helper"] == counts["queued"], counts
    assert counts["by_codelet_calls"] >= 1900, counts


def test_helper_releases_once_no_codelet_call_comes():
    # No codelet runs: the helper thread takes the GIL for them, a period or two later.
    ARRAYS.clear()
    before = _std._python_release_counts()
    for value in range(50):
        array = np.full(16, value)
        ARRAYS.append(weakref.ref(array))
        _std._drop_on_other_thread(array)
        del array
    assert alive_after(2.0) == 0
    after = _std._python_release_counts()
    assert after["queued"] - before["queued"] == 50, (before, after)
    assert after["by_helper"] - before["by_helper"] == 50, (before, after)


def test_parallel_workers_release_everything():
    counts = run_source_into_ping_rx(500, workers=2)
    assert alive_after(2.0) == 0
    assert counts["by_codelet_calls"] + counts["by_helper"] == counts["queued"], counts
