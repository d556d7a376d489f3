# SPDX-License-Identifier: Apache-2.0
"""MemoryAvailableSchedulingTerm: READY while the allocator has room; exactly one of
min_bytes and min_blocks."""

import pytest

from graph_builder import component, entity, graph, scheduler_entity, transmitter


def memory_graph(stats, **term_parameters):
    """A PingTx gated by memory of an UnboundedAllocator, 5 ticks."""
    source = entity("tx", *transmitter(receptive=False), component("PingTx", signal="out"),
                    component("UnboundedAllocator", "pool"),
                    component("MemoryAvailableSchedulingTerm", allocator="pool", **term_parameters),
                    component("CountSchedulingTerm", count=5))
    return graph(source, scheduler_entity("multi_thread", stats))


@pytest.mark.parametrize("amount", [{"min_bytes": 1 << 20}, {"min_blocks": 4}])
def test_entity_ticks_while_memory_is_available(run_graph_text, tmp_path, amount):
    stats = tmp_path / "stats.json"
    (run,) = run_graph_text(memory_graph(stats, **amount), timeout=30, stats=str(stats))
    assert run["counts"] == {"tx": 5}


@pytest.mark.parametrize("amount", [{}, {"min_bytes": 16, "min_blocks": 1}])
def test_exactly_one_of_min_bytes_and_min_blocks_is_required(run_graph_text, tmp_path, amount):
    (run,) = run_graph_text(memory_graph(tmp_path / "stats.json", **amount), timeout=30)
    assert run["error"].startswith("GXF_ARGUMENT_INVALID")
    assert "MemoryAvailableSchedulingTerm" in run["error"]
