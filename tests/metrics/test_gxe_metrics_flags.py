# SPDX-License-Identifier: Apache-2.0
"""gxe.py's metrics flags end to end: --stats live, --trace, --metrics-port, bad input."""

import json
import os
import time
import urllib.request

import pytest

from gxf_test_support import REPO, run_gxe
from live_gxe import PACED_PING, LiveGxe

PING = os.path.join(REPO, "graphs", "ping.yaml")
FAST = ["tx/count/count=20", "py_tx/count/count=20", "tx/period/recess_period=1ms",
        "py_tx/period/recess_period=1ms"]


def params(values):
    """--param flags for gxe.py."""
    return [f"--param={value}" for value in values]


def test_stats_live_prints_the_whole_run_table(tmp_path):
    pytest.importorskip("rich")
    result = run_gxe(PACED_PING, extra_args=["--severity", "1", "--stats", "live", *params(FAST)])
    assert result.returncode == 0, result.output
    table = result.stderr
    assert "gxf metrics, whole run" in table
    for name in ("tx/ping", "rx/ping", "py_tx/python_codelet", "py_rx/python_codelet",
                 "tx/signal -> rx/signal", "py_tx/signal -> py_rx/signal"):
        assert name in table
    # Every codelet ticked 20 times; the Python rows carry GIL columns.
    rows = [line for line in table.splitlines() if "/ping " in line or "python_codelet " in line]
    assert len(rows) == 4 and all(" 20 " in row for row in rows), table


def test_trace_writes_every_tick_as_a_chrome_trace_event(tmp_path):
    out = tmp_path / "trace.json"
    result = run_gxe(PACED_PING, extra_args=["--severity", "1", "--trace", str(out),
                                             *params(FAST)])
    assert result.returncode == 0, result.output
    assert f"trace: 80 ticks written to {out}" in result.stderr
    document = json.loads(out.read_text())
    ticks = [event for event in document["traceEvents"] if event["ph"] == "X"]
    assert len(ticks) == 80
    assert {event["name"] for event in ticks} == {"tx/ping", "rx/ping", "py_tx/python_codelet",
                                                  "py_rx/python_codelet"}
    assert all(event["dur"] >= 0 and event["ts"] >= 0 for event in ticks)
    named = {event["tid"] for event in document["traceEvents"]
             if event["ph"] == "M" and event["name"] == "thread_name"}
    assert {event["tid"] for event in ticks} <= named
    assert document["otherData"]["dropped_ticks"] == 0
    # One track per worker thread (two workers here, never the main thread), and a track is
    # a thread: its ticks never overlap.
    pid = ticks[0]["pid"]
    assert all(event["pid"] == pid for event in ticks) and pid not in named
    for tid in {event["tid"] for event in ticks}:
        track = sorted((event["ts"], event["ts"] + event["dur"]) for event in ticks
                       if event["tid"] == tid)
        assert all(end <= next_begin + 1e-3 for (_, end), (next_begin, _) in
                   zip(track, track[1:])), track


def test_trace_to_an_unwritable_file_is_a_one_line_error(tmp_path):
    result = run_gxe(PING, extra_args=["--severity", "1", "--trace",
                                       str(tmp_path / "missing" / "trace.json")])
    assert result.returncode == 1
    assert "gxe.py: error:" in result.stderr and "trace.json" in result.stderr
    assert "Traceback" not in result.stderr


def scrape(url):
    """{(name, labels): value} of one Prometheus scrape."""
    from prometheus_client.parser import text_string_to_metric_families

    with urllib.request.urlopen(url, timeout=5) as response:
        text = response.read().decode()
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


def test_metrics_port_serves_growing_counters_to_prometheus():
    pytest.importorskip("prometheus_client")
    run = LiveGxe(["--metrics-port", "0", "--metrics-interval", "0.1"],
                  params=["tx/count/count=300", "py_tx/count/count=300"])
    try:
        url = run.wait_for_url("metrics:")
        assert url.startswith("http://127.0.0.1:")
        edge = ("gxf_edge_messages_total", (("source", "tx/signal"), ("target", "rx/signal")))
        seen = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(set(seen)) < 3:
            samples = scrape(url)
            if edge in samples:
                seen.append(samples[edge])
            time.sleep(0.2)
        assert len(set(seen)) >= 3 and seen == sorted(seen), seen
        tick_count = [value for (name, labels), value in samples.items()
                      if name == "gxf_codelet_tick_seconds_count"
                      and ("entity", "rx") in labels]
        assert tick_count and tick_count[0] > 0
        assert any(name == "gxf_codelet_gil_wait_seconds_bucket" for name, _ in samples)
        assert any(name == "gxf_edge_queue_depth" for name, _ in samples)
    finally:
        run.kill()


def test_stats_needs_a_known_mode():
    result = run_gxe(PING, extra_args=["--stats", "sometimes"])
    assert result.returncode == 2
    assert "invalid choice: 'sometimes'" in result.stderr


def test_a_bad_port_is_refused():
    result = run_gxe(PING, extra_args=["--dashboard", "70000"])
    assert result.returncode == 2
    assert "'70000' is not a port number" in result.stderr


def test_a_missing_optional_package_names_the_extra(tmp_path):
    (tmp_path / "sitecustomize.py").write_text("import sys\nsys.modules['rich'] = None\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "gxf.gxe", "--app", PING, "--manifest",
                             os.path.join(REPO, "graphs", "manifest.yaml"), "--stats", "live"],
                            capture_output=True, text=True, timeout=60, env=env, cwd=REPO)
    assert result.returncode == 2
    assert "pip install 'pygxf-engine[metrics]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_without_flags_metrics_stay_off(tmp_path):
    result = run_gxe(PING, extra_args=["--severity", "1"])
    assert result.returncode == 0
    assert "gxf metrics" not in result.output


def test_a_failing_codelet_still_stops_cleanly_with_metrics_on(tmp_path):
    pytest.importorskip("rich")
    out = tmp_path / "trace.json"
    result = run_gxe(PACED_PING, extra_args=[
        "--severity", "1", "--stats", "live", "--trace", str(out), *params(FAST),
        "--param=py_rx/python_codelet/codelet_params={receiver: signal, expected_count: 3}"])
    assert result.returncode == 1
    assert "AssertionError: PingRx received 20 messages, expected 3" in result.stderr
    assert "gxf metrics, whole run" in result.stderr
    assert json.loads(out.read_text())["traceEvents"]
