# SPDX-License-Identifier: Apache-2.0
"""graph_interrupt() from another thread stops a never-ending graph quickly under every
scheduler; graph_run_async() + graph_wait() then return and no scheduler thread is left."""

import pytest

from graph_builder import (SCHEDULERS, component, connection, entity, graph, receiver,
                           scheduler_entity, transmitter)


def endless_graph(kind):
    """A 10 ms periodic PingTx that never stops, feeding a PingRx."""
    source = entity("src", *transmitter(receptive=False), component("PingTx", signal="out"),
                    component("PeriodicSchedulingTerm", recess_period="10ms"))
    sink = entity("sink", *receiver(), component("PingRx", signal="in"))
    return graph(source, sink, connection("src/out", "sink/in"),
                 scheduler_entity(kind, stop_on_deadlock=False, max_duration_ms=None))


@pytest.mark.parametrize("kind", sorted(SCHEDULERS))
def test_interrupt_stops_a_never_ending_graph_within_100_ms(run_graph_text, kind):
    (run,) = run_graph_text(endless_graph(kind), timeout=30, interrupt_after=0.3)
    assert "error" not in run, run
    assert run["interrupt_to_wait_s"] < 0.1


@pytest.mark.parametrize("kind", sorted(SCHEDULERS))
def test_interrupted_graph_stops_its_entities_and_threads(run_graph_text, kind):
    (run,) = run_graph_text(endless_graph(kind), timeout=30, interrupt_after=0.2)
    assert run["status"]["src"] == 0 and run["status"]["sink"] == 0
    assert run["threads_after_wait"] == []
