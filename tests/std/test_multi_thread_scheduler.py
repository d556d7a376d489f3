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


def lockstep_graph(sink_gate, stats, recession_ms, count=20):
    """PingTx -> PingRx over a capacity-1 queue, the sink gated by `sink_gate` components."""
    source = entity("tx", *transmitter(), component("PingTx", signal="out"),
                    component("CountSchedulingTerm", count=count))
    sink = entity("rx", *receiver(gate=False), *sink_gate, component("PingRx", signal="in"))
    return graph(source, sink, connection("tx/out", "rx/in"),
                 scheduler_entity("multi_thread", stats, check_recession_period_ms=recession_ms))


def test_entity_with_unsignalled_terms_is_polled_every_recession_period(run_graph_text, tmp_path):
    # ExpiringMessageAvailable does not declare that its changes come with events: polled.
    stats = tmp_path / "stats.json"
    gate = [component("ExpiringMessageAvailableSchedulingTerm", receiver="in", max_batch_size=1,
                      max_delay_ns=10**9, clock="scheduler/clock")]
    (run,) = run_graph_text(lockstep_graph(gate, stats, 20), timeout=30, stats=str(stats))
    assert run["counts"] == {"tx": 20, "rx": 20}
    # Lock-step with capacity 1: each message waits for the receiver's next poll.
    assert run["run_s"] >= 20 * 0.015


def test_entity_waiting_for_messages_runs_when_one_arrives(run_graph_text, tmp_path):
    # MessageAvailable and DownstreamReceptive signal their changes: the entities park on WAIT
    # and the message (or the room it leaves) wakes them; GXF's recession period is the most
    # a waiting entity waits, and here none is spent. Polled, this run would take 20 x 200 ms.
    stats = tmp_path / "stats.json"
    gate = [component("MessageAvailableSchedulingTerm", receiver="in", min_size=1)]
    (run,) = run_graph_text(lockstep_graph(gate, stats, 200), timeout=30, stats=str(stats))
    assert run["counts"] == {"tx": 20, "rx": 20}
    assert run["run_s"] < 1.0
