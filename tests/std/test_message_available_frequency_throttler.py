# SPDX-License-Identifier: Apache-2.0
"""MessageAvailableFrequencyThrottler: an entity ticks when enough messages wait, or when the
period has passed since its last tick (which polling schedulers notice on their own)."""

import json

import pytest

from graph_builder import (component, connection, entity, graph, python_codelet,
                           scheduler_entity, transmitter)

POLLING = ["greedy", "multi_thread"]


def throttled_graph(kind, codelet_file, out, messages, min_sum, period="100ms", sink_class=None,
                    **scheduler):
    """A 10 ms source of `messages` messages feeding a throttled sink (a SequenceRxAny, or a
    TickCounter when `sink_class` says so)."""
    documents = []
    throttler = component("MessageAvailableFrequencyThrottler", execution_frequency=period,
                          receivers=["in"], sampling_mode="SumOfAll", min_sum=min_sum)
    if sink_class == "TickCounter":
        codelet = python_codelet("TickCounter", codelet_file, out=str(out))
    else:
        codelet = python_codelet("SequenceRxAny", codelet_file, receivers=["in"], out=str(out))
    sink = entity("rx", component("DoubleBufferReceiver", "in", capacity=10), throttler, codelet)
    documents.append(sink)
    if messages:
        documents.append(entity("tx", *transmitter(capacity=10, receptive=False),
                                python_codelet("SequenceTx", codelet_file),
                                component("CountSchedulingTerm", count=messages),
                                component("PeriodicSchedulingTerm", recess_period="10ms")))
        documents.append(connection("tx/out", "rx/in"))
    documents.append(scheduler_entity(kind, **scheduler))
    return graph(*documents)


@pytest.mark.parametrize("kind", POLLING)
def test_messages_are_taken_in_batches_of_min_sum_or_after_the_period(run_graph_text, tmp_path,
                                                                      codelet_file, kind):
    out = tmp_path / "rx"
    text = throttled_graph(kind, codelet_file("sequence.py"), out, messages=10, min_sum=3,
                           stop_on_deadlock=False, max_duration_ms=600)
    (run,) = run_graph_text(text, timeout=30)
    assert "error" not in run, run
    assert json.loads(out.read_text()) == list(range(10))


@pytest.mark.parametrize("kind", POLLING)
def test_period_alone_makes_the_entity_tick(run_graph_text, tmp_path, codelet_file, kind):
    out = tmp_path / "ticks"
    text = throttled_graph(kind, codelet_file("sequence.py"), out, messages=0, min_sum=1,
                           period="50ms", sink_class="TickCounter", stop_on_deadlock=False,
                           max_duration_ms=1000)
    (run,) = run_graph_text(text, timeout=30)
    assert "error" not in run, run
    # The period paces the ticks: never closer than 50 ms (the throttler's clock is the one
    # stamping them), and a second leaves room for several even on a loaded machine (a
    # fixed count in a fixed time failed under load and under the sanitizer build).
    times = json.loads(out.read_text())
    assert len(times) >= 4, times
    assert min(b - a for a, b in zip(times, times[1:])) >= 50_000_000, times


def test_event_based_scheduler_wakes_a_throttled_entity_on_messages(run_graph_text, tmp_path,
                                                                  codelet_file):
    out = tmp_path / "rx"
    text = throttled_graph("event_based", codelet_file("sequence.py"), out, messages=10,
                           min_sum=1, stop_on_deadlock_timeout=200)
    (run,) = run_graph_text(text, timeout=30)
    assert "error" not in run, run
    assert json.loads(out.read_text()) == list(range(10))
