# SPDX-License-Identifier: Apache-2.0
"""The benchmark extension end to end: a small benchmark graph (PingTx into an EntityBuffer,
BenchmarkPublisher to BenchmarkSink, 2 x 200 ms) runs under each CPU scheduler, ends by
itself and writes a JSON report whose figures agree with each other; a broken graph fails
naming the component and parameter."""

import json
import os

import pytest
import yaml

from gxf_test_support import run_gxe

GRAPHS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs")
MANIFEST = os.path.join(GRAPHS, "manifest.yaml")
SCHEDULERS = {
    "greedy": {"type": "nvidia::gxf::GreedyScheduler", "parameters": {"clock": "clock"}},
    "multi_thread": {"type": "nvidia::gxf::MultiThreadScheduler",
                     "parameters": {"clock": "clock", "worker_thread_number": 2,
                                    "check_recession_period_ms": 0}},
    "event_based": {"type": "nvidia::gxf::EventBasedScheduler",
                    "parameters": {"clock": "clock", "worker_thread_number": 2}},
}


def benchmark_graph(tmp_path, edit=None):
    """The test graph reporting into tmp_path, after `edit(documents)`; returns its path."""
    with open(os.path.join(GRAPHS, "ping_benchmark.yaml")) as source:
        documents = [d for d in yaml.safe_load_all(source) if d]
    entity = {d.get("name"): d for d in documents}
    controller = entity["benchmark_controller"]["components"]
    controller[1]["parameters"]["file_path"] = str(tmp_path / "report.json")
    if edit:
        edit(entity)
    path = tmp_path / "graph.yaml"
    path.write_text(yaml.safe_dump_all(documents, sort_keys=False))
    return str(path)


def controller_parameters(entity):
    """The BenchmarkController's parameters in a loaded test graph."""
    return entity["benchmark_controller"]["components"][2]["parameters"]


@pytest.mark.parametrize("scheduler", sorted(SCHEDULERS))
def test_benchmark_graph_writes_a_consistent_report(tmp_path, scheduler):
    def use_scheduler(entity):
        entity["system"]["components"][1] = {"name": "scheduler", **SCHEDULERS[scheduler]}

    run = run_gxe(benchmark_graph(tmp_path, use_scheduler), manifest=MANIFEST)
    assert run.returncode == 0, run.output
    assert "Final Report" in run.output
    report = json.loads((tmp_path / "report.json").read_text())

    assert report["title"] == "Ping benchmark"
    iterations = report["iterations"]
    assert [i["iteration"] for i in iterations] == [1, 2]
    for figures in iterations:
        sent, received = figures["# of Frames Sent"], figures["# of Frames Received"]
        assert sent > 0 and received > 0
        # The drain delay lets every sent message arrive: none lost, none in flight.
        assert figures["# of Missed Frames"] == sent - received == 0
        assert figures["Mean Frame Rate (fps)"] > 0
        assert figures["Mean Publisher Frame Rate (fps)"] > 0
        # Rate and span agree: (count - 1) messages over the first-to-last span.
        span_s = figures["Delta between First & Last Received Frames (ms)"] / 1000
        assert span_s <= 0.2 + 0.1
        assert figures["Mean Frame Rate (fps)"] == pytest.approx((received - 1) / span_s)
        low, mean, high = (figures[f"{k} End-to-End Latency (ms)"] for k in ("Min.", "Mean", "Max."))
        assert 0 <= low <= mean <= high
    # The test case's figures combine the iterations' (2 iterations: nothing filtered out).
    sent = [i["# of Frames Sent"] for i in iterations]
    assert report["# of Frames Sent"] == pytest.approx(sum(sent) / len(sent))
    assert report["Max. End-to-End Latency (ms)"] == max(
        i["Max. End-to-End Latency (ms)"] for i in iterations)
    assert report["Min. End-to-End Latency (ms)"] == min(
        i["Min. End-to-End Latency (ms)"] for i in iterations)


def drop_sinks(entity):
    """No benchmark_sinks parameter (GXF requires it)."""
    controller_parameters(entity).pop("benchmark_sinks")


def sink_not_there(entity):
    """benchmark_sinks names a component that does not exist."""
    controller_parameters(entity)["benchmark_sinks"] = ["benchmark_sink/no_such_sink"]


def buffers_cannot_fill(entity):
    """50 messages at 100 Hz cannot be buffered within a 0 s timeout."""
    controller_parameters(entity).update(entity_buffer_size=50, benchmark_buffering_timeout_s=0)


@pytest.mark.parametrize("edit, expected", [
    (drop_sinks, ["benchmark_controller", "benchmark_sinks"]),
    (sink_not_there, ["no_such_sink", "benchmark_sinks"]),
    (buffers_cannot_fill,
     ["benchmark_buffering_timeout_s", "benchmark_publisher/benchmark_publisher ", "/50)"]),
], ids=["missing_sinks", "unknown_sink", "buffering_timeout"])
def test_broken_benchmark_fails_naming_what(tmp_path, edit, expected):
    run = run_gxe(benchmark_graph(tmp_path, edit), manifest=MANIFEST)
    assert run.returncode != 0
    for text in expected:
        assert text in run.output
    assert "Traceback" not in run.output
    # The stall explainer reads the terms after deactivation: a connected transmitter is not
    # reported as unconnected then.
    assert "not connected" not in run.output
