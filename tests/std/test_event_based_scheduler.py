# SPDX-License-Identifier: Apache-2.0
"""EventBasedScheduler: entities wake on events, not by polling; deadlock rules; max duration."""

from graph_builder import component, connection, entity, graph, receiver, scheduler_entity
from graph_builder import transmitter


def waiting_graph(**scheduler_parameters):
    """One entity that waits forever for a message that never comes."""
    waiting = entity("waiting", *receiver(), component("PingRx", signal="in"))
    return graph(waiting, scheduler_entity("event_based", **scheduler_parameters))


def periodic_ping_graph(period, count=None, stats=None, **scheduler_parameters):
    """A periodic PingTx -> Forward -> PingRx."""
    terms = [component("PeriodicSchedulingTerm", recess_period=period)]
    if count is not None:
        terms.append(component("CountSchedulingTerm", count=count))
    source = entity("tx", *transmitter(), component("PingTx", signal="out"), *terms)
    relay = entity("relay", *receiver(), *transmitter(),
                   component("Forward", **{"in": "in", "out": "out"}))
    sink = entity("rx", *receiver(), component("PingRx", signal="in"))
    return graph(source, relay, sink, connection("tx/out", "relay/in"),
                 connection("relay/out", "rx/in"),
                 scheduler_entity("event_based", stats, **scheduler_parameters))


def test_waiting_forever_ends_the_run_as_a_deadlock(run_graph_text):
    (run,) = run_graph_text(waiting_graph(), timeout=30)
    assert "error" not in run, run
    assert run["run_s"] < 1.0


def test_deadlock_timeout_delays_the_end(run_graph_text):
    (run,) = run_graph_text(waiting_graph(stop_on_deadlock_timeout=300), timeout=30)
    assert 0.3 <= run["run_s"] < 3.0


def test_without_stop_on_deadlock_runs_until_max_duration(run_graph_text):
    (run,) = run_graph_text(waiting_graph(stop_on_deadlock=False, max_duration_ms=400), timeout=30)
    assert 0.4 <= run["run_s"] < 3.0


def test_messages_wake_waiting_entities(run_graph_text, tmp_path):
    stats = tmp_path / "stats.json"
    (run,) = run_graph_text(periodic_ping_graph("20ms", count=10, stats=stats), timeout=30,
                       stats=str(stats))
    assert run["counts"] == {"tx": 10, "relay": 10, "rx": 10}
    assert run["run_s"] < 1.0


def test_waiting_on_a_periodic_term_uses_almost_no_cpu(run_graph_text):
    text = periodic_ping_graph("100ms", stop_on_deadlock=False, max_duration_ms=None)
    (run,) = run_graph_text(text, timeout=30, cpu_window=1.0, interrupt_after=0.0)
    assert run["cpu_share"] < 0.05
