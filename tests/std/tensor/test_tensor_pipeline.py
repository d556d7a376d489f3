# SPDX-License-Identifier: Apache-2.0
"""Tensors travelling through graphs of Python and native codelets: unchanged, never copied,
and without leaking memory."""

import importlib.util
from pathlib import Path


import gxf.std as std
from gxf.core import Entity, Graph
from gxf.python_codelet import PyCodeletV0
from gxf.std import (CountSchedulingTerm, DoubleBufferReceiver, DoubleBufferTransmitter,
                     DownstreamReceptiveSchedulingTerm, Forward, GreedyScheduler,
                     MessageAvailableSchedulingTerm, RealtimeClock, UnboundedAllocator)

CODELET_FILE = Path(__file__).resolve().parent / "codelets" / "tensor_chain.py"
_spec = importlib.util.spec_from_file_location("tensor_chain", CODELET_FILE)
tensor_chain = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tensor_chain)


def _stage(g, name, codelet=None, receives=True, transmits=True, count=None, **params):
    """An entity with an `in` queue (MessageAvailable-gated), an `out` queue (back-pressured)
    and either a Python codelet from tensor_chain.py or a native Forward; a source (no `in`)
    also gets an allocator and ticks `count` times."""
    entity = g.add(Entity(name))
    if receives:
        receiver = entity.add(DoubleBufferReceiver("in"))
        entity.add(MessageAvailableSchedulingTerm("", receiver=receiver, min_size=1))
        params["receiver"] = receiver
    else:
        params["allocator"] = entity.add(UnboundedAllocator("allocator"))
        entity.add(CountSchedulingTerm("", count=count))
    if transmits:
        transmitter = entity.add(DoubleBufferTransmitter("out"))
        entity.add(DownstreamReceptiveSchedulingTerm("", transmitter=transmitter, min_size=1))
        params["transmitter"] = transmitter
    if codelet is None:
        entity.add(Forward("", **{"in": params["receiver"], "out": params["transmitter"]}))
    else:
        entity.add(PyCodeletV0("", codelet=codelet, codelet_file=str(CODELET_FILE), **params))
    return entity


def _pipeline(stages, max_duration_ms):
    """Connect the stages in order and add a realtime clock and a greedy scheduler."""
    g = stages[0].graph
    for upstream, downstream in zip(stages, stages[1:]):
        std.connect(upstream.out, getattr(downstream, "in"))
    clock = std.set_clock(g, RealtimeClock("clock"))
    std.set_scheduler(g, GreedyScheduler("", clock=clock, max_duration_ms=max_duration_ms))
    return g


def chain_graph():
    """TensorSource -> Forward -> TensorCheck -> Forward -> TensorSink, 20 messages."""
    g = Graph()
    return _pipeline([
        _stage(g, "source", tensor_chain.TensorSource, receives=False, count=20),
        _stage(g, "forward1"),
        _stage(g, "check", tensor_chain.TensorCheck, stage="check"),
        _stage(g, "forward2"),
        _stage(g, "sink", tensor_chain.TensorSink, transmits=False)], max_duration_ms=60000)


def frames_graph():
    """FrameSource -> Forward -> FrameSink over 100000 messages, RSS sampled by the sink."""
    g = Graph()
    return _pipeline([
        _stage(g, "source", tensor_chain.FrameSource, receives=False, count=100000),
        _stage(g, "forward"),
        _stage(g, "sink", tensor_chain.FrameSink, transmits=False, checkpoints=[10000, 100000])],
        max_duration_ms=600000)




def run_chain(run_graph):
    """Run the chain graph; returns {stage: {tick: pointers}}."""
    code, reports, output = run_graph(chain_graph())
    assert code == 0, output
    stages = {}
    for entry in reports:
        stages.setdefault(entry["stage"], {})[entry["tick"]] = entry["pointers"]
    return stages


def test_every_primitive_type_and_layout_arrives_unchanged(run_graph):
    stages = run_chain(run_graph)
    assert sorted(stages["sink"]) == list(range(20))


def test_tensor_pointers_are_identical_at_every_hop(run_graph):
    stages = run_chain(run_graph)
    for tick, source_pointers in stages["source"].items():
        assert stages["check"][tick] == source_pointers
        assert stages["sink"][tick] == source_pointers


def test_memory_stays_flat_over_100k_messages(run_graph):
    code, reports, output = run_graph(frames_graph(), timeout=600)
    assert code == 0, output
    rss = {entry["count"]: entry["rss"] for entry in reports}
    assert rss[100000] - rss[10000] < 16 * 1024 * 1024, rss
