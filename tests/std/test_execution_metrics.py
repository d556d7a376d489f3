# SPDX-License-Identifier: Apache-2.0
"""Run-time metrics collected by the executor (metrics_enable / metrics_snapshot /
metrics_drain_trace): exact counts, sampled times, latency probes, GIL times, trace."""

import os

import pytest

from graph_builder import (SCHEDULERS, component, connection, entity, graph, python_codelet,
                           receiver, scheduler_entity, transmitter)
from gxf import core
from gxf.std import _std
from gxf.core.errors import GxfError
from gxf_test_support import REPO

PING_CODELETS = os.path.join(REPO, "graphs", "codelets", "ping.py")


def ping_graph(kind, count, python=False, fan_in=False):
    """tx -> rx (plus tx2 -> rx when fan_in) under scheduler `kind`, `count` messages each."""
    if python:
        tx_codelet = python_codelet("PingTx", PING_CODELETS, transmitter="out")
        rx_codelet = python_codelet("PingRx", PING_CODELETS, receiver="in",
                                    expected_count=count)
    else:
        tx_codelet = component("PingTx", "ping", signal="out")
        rx_codelet = component("PingRx", "ping", signal="in")
    documents = [
        entity("tx", *transmitter("out"), tx_codelet, component("CountSchedulingTerm",
                                                                count=count)),
        entity("rx", *receiver("in", capacity=2 if fan_in else 1), rx_codelet),
        connection("tx/out", "rx/in"),
    ]
    if fan_in:
        documents.insert(1, entity("tx2", *transmitter("out"), component("PingTx", "ping",
                                                                         signal="out"),
                                   component("CountSchedulingTerm", count=count)))
        documents.append(connection("tx2/out", "rx/in"))
    documents.append(scheduler_entity(kind))
    return graph(*documents)


def load(context, tmp_path, text, activate=True):
    """Load graph text into `context` (and activate it)."""
    path = tmp_path / "graph.yaml"
    path.write_text(text)
    core.graph_load_file(context, str(path))
    if activate:
        core.graph_activate(context)


def run_with_metrics(context, tmp_path, text, **options):
    """Load and activate `text`, enable metrics, run to the end; (snapshot, trace events)."""
    load(context, tmp_path, text)
    _std.metrics_enable(context, **options)
    core.graph_run(context)
    snapshot = _std.metrics_snapshot(context)
    trace = _std.metrics_drain_trace(context) if options.get("trace") else None
    core.graph_deactivate(context)
    return snapshot, trace


def by_entity(snapshot):
    """Codelet records keyed by entity name."""
    return {record["entity"]: record for record in snapshot["codelets"]}


@pytest.mark.parametrize("kind", sorted(SCHEDULERS))
def test_every_tick_and_message_is_counted(context, tmp_path, kind):
    snapshot, _ = run_with_metrics(context, tmp_path, ping_graph(kind, 500))
    codelets = by_entity(snapshot)
    assert codelets["tx"]["ticks"] == 500
    assert codelets["rx"]["ticks"] == 500
    [edge] = snapshot["edges"]
    assert (edge["source"], edge["target"]) == ("tx/out", "rx/in")
    assert edge["messages"] == 500
    assert (edge["depth"], edge["capacity"]) == (0, 1)


def test_fan_in_edges_count_their_own_messages(context, tmp_path):
    snapshot, _ = run_with_metrics(context, tmp_path, ping_graph("greedy", 200, fan_in=True))
    messages = {edge["source"]: edge["messages"] for edge in snapshot["edges"]}
    assert messages == {"tx/out": 200, "tx2/out": 200}
    assert by_entity(snapshot)["rx"]["ticks"] == 400


def test_tick_times_are_sampled_at_the_requested_period(context, tmp_path):
    snapshot, _ = run_with_metrics(context, tmp_path, ping_graph("greedy", 2000),
                                   sample_period=16)
    rx = by_entity(snapshot)["rx"]
    histogram = rx["tick_ns"]
    # Random gaps with mean 16: about 125 of 2000 ticks, far from both 0 and all.
    assert 40 < histogram["samples"] < 400
    assert sum(count for _, _, count in histogram["buckets"]) == histogram["samples"]
    assert all(lower < upper for lower, upper, _ in histogram["buckets"])
    assert histogram["total"] > 0


def test_sample_period_one_times_every_tick(context, tmp_path):
    snapshot, _ = run_with_metrics(context, tmp_path, ping_graph("greedy", 300), sample_period=1)
    for record in snapshot["codelets"]:
        assert record["tick_ns"]["samples"] == record["ticks"] == 300


def test_long_ticks_are_timed_every_time(context, tmp_path):
    snapshot, _ = run_with_metrics(context, tmp_path, ping_graph("greedy", 100, python=True),
                                   sample_period=1000, always_time_ns=1)
    for record in snapshot["codelets"]:
        # The first tick is timed by the random schedule, every later one for its length.
        assert record["tick_ns"]["samples"] == record["ticks"] == 100


def test_latency_probes_measure_delivery_to_consumption(context, tmp_path):
    snapshot, _ = run_with_metrics(context, tmp_path, ping_graph("greedy", 2000),
                                   sample_period=8)
    latency = snapshot["edges"][0]["latency_ns"]
    # Messages of timed tx ticks (one in 8) are probes, one in flight at a time.
    assert 50 < latency["samples"] <= 2000
    # Lock-step ping: rx ticks right after tx delivered, well within a second.
    assert latency["buckets"][-1][1] < 1_000_000_000


def test_python_codelets_record_gil_wait_and_hold(context, tmp_path):
    snapshot, _ = run_with_metrics(context, tmp_path, ping_graph("greedy", 50, python=True),
                                   always_time_ns=1)
    for record in snapshot["codelets"]:
        assert record["type"] == "nvidia::gxf::PyCodeletV0"
        assert record["ticks"] == 50
        assert record["gil_wait_ns"]["samples"] == 50
        assert record["gil_hold_ns"]["samples"] == 50
        assert record["gil_hold_ns"]["total"] > 0


def test_gil_times_of_short_python_ticks_are_sampled(context, tmp_path):
    snapshot, _ = run_with_metrics(context, tmp_path, ping_graph("greedy", 400, python=True),
                                   sample_period=8, always_time_ns=10**9)
    for record in snapshot["codelets"]:
        assert 10 < record["gil_wait_ns"]["samples"] < 200
        assert record["gil_hold_ns"]["samples"] == record["gil_wait_ns"]["samples"]


def test_native_codelets_have_no_gil_times(context, tmp_path):
    snapshot, _ = run_with_metrics(context, tmp_path, ping_graph("greedy", 10))
    assert all(record["gil_wait_ns"] is None for record in snapshot["codelets"])


def test_trace_records_every_tick_with_its_thread(context, tmp_path):
    (snapshot, (threads, dropped)) = run_with_metrics(
        context, tmp_path, ping_graph("multi_thread", 300), trace=True)
    assert dropped == 0
    events = [(tid, *event) for tid, thread_events in threads for event in thread_events]
    assert len(events) == sum(record["ticks"] for record in snapshot["codelets"]) == 600
    names = [record["entity"] for record in snapshot["codelets"]]
    assert sorted({names[index] for _, index, _, _ in events}) == ["rx", "tx"]
    assert all(begin <= end for _, _, begin, end in events)
    assert all(isinstance(tid, int) and tid > 0 for tid, _, _, _ in events)


def test_trace_overflow_is_counted_not_lost_silently(context, tmp_path):
    (_, (threads, dropped)) = run_with_metrics(context, tmp_path, ping_graph("greedy", 500),
                                               trace=True, trace_capacity=64)
    written = sum(len(events) for _, events in threads)
    assert written == 64
    assert written + dropped == 1000


def test_enabling_before_activation_is_refused(context, tmp_path):
    load(context, tmp_path, ping_graph("greedy", 1), activate=False)
    with pytest.raises(GxfError, match="call graph_activate first"):
        _std.metrics_enable(context)


@pytest.mark.parametrize("call, message", [
    (_std.metrics_enable, "already enabled"),
    (_std.metrics_drain_trace, "tracing is off"),
])
def test_calls_after_enabling_without_trace_are_refused(context, tmp_path, call, message):
    load(context, tmp_path, ping_graph("greedy", 1))
    _std.metrics_enable(context)
    with pytest.raises(GxfError, match=message):
        call(context)
    core.graph_deactivate(context)


def test_snapshot_without_metrics_is_refused(context, tmp_path):
    with pytest.raises(GxfError, match="metrics are not enabled"):
        _std.metrics_snapshot(context)


def test_metrics_end_with_deactivation(context, tmp_path):
    run_with_metrics(context, tmp_path, ping_graph("greedy", 5))
    with pytest.raises(GxfError, match="metrics are not enabled"):
        _std.metrics_snapshot(context)
