# SPDX-License-Identifier: Apache-2.0
"""gxf.std graph building: ComputeEntity queue wiring, StandardGraph, nested graphs with
visible components, Subgraph components with overrides, entity groups in saved files."""

import pytest
from gxf_test_support import run_gxe

import gxf.core as core
import gxf.std as std
from gxf.core import Entity, EntityGroup, Graph
from gxf.sample import MultiPingRx, PingRx, PingTx
from gxf.std import (ComputeEntity, DoubleBufferReceiver, Forward, GreedyScheduler, ManualClock,
                     MessageAvailableSchedulingTerm, StandardGraph, Subgraph, ThreadPool)

SUBGRAPH = """
name: inner
components:
- name: in
  type: nvidia::gxf::DoubleBufferReceiver
  parameters: {capacity: 1}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: in, min_size: 1}
- name: ping
  type: nvidia::gxf::PingRx
  parameters: {signal: in}
---
interfaces:
- name: rx
  target: inner/in
"""


def system(g):
    """ManualClock + GreedyScheduler entities."""
    clock = std.set_clock(g, ManualClock(name="clock"))
    std.set_scheduler(g, GreedyScheduler(max_duration_ms=10000, clock=clock))
    return clock


def run(g):
    g.load_extensions()
    g.run()
    g.destroy()


def test_compute_entity_wires_scalar_and_list_queues():
    g = Graph()
    clock = system(g)
    txs = [g.add(ComputeEntity(f"tx{i}", count=3)).add_codelet(PingTx(clock=clock))
           for i in range(2)]
    rx = g.add(ComputeEntity("rx")).add_codelet(MultiPingRx(), rx_num=2, rx_capacity=2)
    assert [queue.name for queue in rx.receivers] == ["receivers_0", "receivers_1"]
    assert {"drst", "signal", "cst"} <= set(g.tx0.named_components)
    assert "mast_receivers_1" in g.rx.named_components
    for tx, queue in zip(txs, rx.receivers):
        std.connect(tx.signal, queue)
    g.load_extensions()
    g.activate()
    assert core.parameter_get(g.context, g.rx.receivers_1.cid, "capacity") == 2
    core.graph_activate(g.context)
    core.graph_run(g.context)
    g.destroy()


def test_standard_graph_runs_codelets_in_generated_entities():
    class Ping(StandardGraph):
        def __init__(self):
            super().__init__("ping")
            tx = self.add_codelet(PingTx(clock=self.get_clock()), count=4)
            rx = self.add_codelet(PingRx())
            self.connect(tx.signal, rx.signal)

    g = Ping()
    assert g.get_scheduler().params["clock"] is g.get_clock()
    run(g)


def test_nested_graph_names_entities_and_exposes_components():
    inner = Graph("inner")
    block = inner.add(ComputeEntity("block")).add_codelet(Forward())
    inner.make_visible("input", getattr(block, "in"))
    inner.make_visible("output", block.out)
    g = Graph()
    clock = system(g)
    g.add(inner)
    tx = g.add(ComputeEntity("tx", count=3)).add_codelet(PingTx(clock=clock))
    rx = g.add(ComputeEntity("rx")).add_codelet(PingRx())
    std.connect(tx.signal, inner.get("input"), g)
    std.connect(inner.get("output"), rx.signal, g)
    assert repr(inner.get("output")) == "inner-block/out"
    with pytest.raises(ValueError, match="'missing' is not marked visible"):
        inner.get("missing")
    g.load_extensions()
    g.activate()
    assert core.entity_find(g.context, "inner-block") == g.inner.block.eid
    core.graph_activate(g.context)
    core.graph_run(g.context)
    g.destroy()


def test_subgraph_component_loads_file_and_applies_overrides(tmp_path):
    path = tmp_path / "inner.yaml"
    path.write_text(SUBGRAPH)
    g = Graph()
    clock = system(g)
    tx = g.add(ComputeEntity("tx", count=3)).add_codelet(PingTx(clock=clock))
    holder = g.add(Entity("sub"))
    holder.add(Subgraph("sub", location=str(path), override_params={"rx": {"capacity": 2}}))
    connection = g.add(Entity("connection"))
    connection.add(core.Component("nvidia::gxf::Connection", "c", source=tx.signal,
                                  target="sub/rx"))
    g.load_extensions()
    g.activate()
    inner = core.entity_find(g.context, "sub.inner")
    cid = core.component_find(g.context, inner, component_name="in")[0]
    assert core.parameter_get(g.context, cid, "capacity") == 2
    core.graph_activate(g.context)
    core.graph_run(g.context)
    g.destroy()


def test_saved_entity_groups_load_with_gxe(tmp_path):
    g = Graph()
    clock = system(g)
    tx = g.add(ComputeEntity("tx", count=3)).add_codelet(PingTx(clock=clock))
    rx = g.add(ComputeEntity("rx")).add_codelet(PingRx())
    std.connect(tx.signal, rx.signal)
    pool = g.add(Entity("pool"))
    pool.add(ThreadPool("threads", initial_size=1))
    g.add(EntityGroup("group")).add([g.tx, g.rx, pool])
    saved = tmp_path / "saved.yaml"
    g.load_extensions()
    g.save(str(saved))
    g.destroy()
    text = saved.read_text()
    assert "EntityGroups" in text and "target: [tx, rx, pool]" in text
    result = run_gxe(str(saved))
    assert result.returncode == 0, result.output


def test_connect_rejects_components_outside_a_graph():
    with pytest.raises(ValueError, match="not a component of a graph"):
        std.connect(DoubleBufferReceiver("a"), DoubleBufferReceiver("b"))


def test_handles_to_components_never_added_are_named_at_activation():
    g = Graph()
    e = g.add(Entity("e"))
    e.add(MessageAvailableSchedulingTerm("mast", receiver=DoubleBufferReceiver("lost")))
    g.load_extensions()
    with pytest.raises(core.ParameterError, match="'receiver' refers to component 'lost', which "
                                                  "was never added"):
        g.activate()
    core.context_destroy(g.context)


def test_a_destroyed_graph_runs_again_in_a_new_context():
    g = Graph()
    clock = system(g)
    tx = g.add(ComputeEntity("tx", count=2)).add_codelet(PingTx(clock=clock))
    rx = g.add(ComputeEntity("rx")).add_codelet(PingRx())
    std.connect(tx.signal, rx.signal)
    run(g)
    run(g)  # builds every entity again; stale eids/cids would fail activation
