# SPDX-License-Identifier: Apache-2.0
"""MultiThreadScheduler: polling, deadlock rules, max duration."""

from graph_builder import component, connection, entity, graph, receiver, scheduler_entity
from graph_builder import transmitter


def waiting_graph(**scheduler_parameters):
    """One entity that waits forever for a message that never comes."""
    waiting = entity("waiting", *receiver(), component("PingRx", signal="in"))
    return graph(waiting, scheduler_entity("multi_thread", **scheduler_parameters))


def counted_graph(count=5, **scheduler_parameters):
    """A PingTx that ticks `count` times, then its entity is done (NEVER)."""
    ticking = entity("tx", *transmitter(receptive=False), component("PingTx", signal="out"),
                     component("CountSchedulingTerm", count=count))
    return graph(ticking, scheduler_entity("multi_thread", **scheduler_parameters))


def test_waiting_forever_ends_the_run_as_a_deadlock(run_graph_text):
    (run,) = run_graph_text(waiting_graph(), timeout=30)
    assert "error" not in run, run
    assert run["run_s"] < 1.0


def test_deadlock_timeout_delays_the_end(run_graph_text):
    (run,) = run_graph_text(waiting_graph(stop_on_deadlock_timeout=300), timeout=30)
    assert 0.3 <= run["run_s"] < 3.0


def test_negative_deadlock_timeout_runs_until_max_duration(run_graph_text):
    (run,) = run_graph_text(waiting_graph(stop_on_deadlock_timeout=-1, max_duration_ms=400), timeout=30)
    assert 0.4 <= run["run_s"] < 3.0


def test_without_stop_on_deadlock_runs_until_max_duration(run_graph_text):
    (run,) = run_graph_text(waiting_graph(stop_on_deadlock=False, max_duration_ms=400), timeout=30)
    assert 0.4 <= run["run_s"] < 3.0


def test_run_ends_at_once_when_every_entity_is_done(run_graph_text):
    # The 5 s deadlock grace does not apply: nothing is left to schedule at all.
    (run,) = run_graph_text(counted_graph(count=5, stop_on_deadlock_timeout=5000), timeout=30)
    assert "error" not in run, run
    assert run["run_s"] < 1.0


def test_waiting_entity_is_polled_every_recession_period(run_graph_text, tmp_path):
    stats = tmp_path / "stats.json"
    source = entity("tx", *transmitter(), component("PingTx", signal="out"),
                    component("CountSchedulingTerm", count=20))
    sink = entity("rx", *receiver(), component("PingRx", signal="in"))
    text = graph(source, sink, connection("tx/out", "rx/in"),
                 scheduler_entity("multi_thread", stats, check_recession_period_ms=20))
    (run,) = run_graph_text(text, timeout=30, stats=str(stats))
    assert run["counts"] == {"tx": 20, "rx": 20}
    # Lock-step with capacity 1: each message waits for the receiver's next poll.
    assert run["run_s"] >= 20 * 0.015
