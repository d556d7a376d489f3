# SPDX-License-Identifier: Apache-2.0
"""DownstreamReceptiveSchedulingTerm: an unconnected transmitter."""

from graph_builder import component, entity, graph, scheduler_entity, transmitter


def test_unconnected_transmitter_is_reported_once_and_never_ticks(run_graph_text, tmp_path):
    stats = tmp_path / "stats.json"
    lonely = entity("tx", *transmitter(), component("PingTx", signal="out"),
                    component("CountSchedulingTerm", count=5))
    (run,) = run_graph_text(graph(lonely, scheduler_entity("greedy", stats)), timeout=30,
                            stats=str(stats))
    assert run["counts"].get("tx", 0) == 0
    # Once, while the graph runs; not again when the terms are read after deactivation.
    assert run["stderr"].count("transmitter 'out' is not connected to any receiver") == 1, \
        run["stderr"]
