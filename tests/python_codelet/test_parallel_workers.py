# SPDX-License-Identifier: Apache-2.0
"""Python codelets on parallel schedulers' workers: each message arrives once, Python ticks
never overlap (they pass the codelet call gate one at a time, taken by the workers without
waiting), and native entities of the same graph run beside them."""

import json
import os

import pytest
import yaml

from gxf.testing.graph_docs import queue_components as _queue
from gxf_test_support import run_gxe

CODELETS = os.path.join(os.path.dirname(__file__), "codelets", "exclusive_ping.py")
PAIRS = 6
MESSAGES = 300


def _python(name, params):
    return {"name": "codelet", "type": "nvidia::gxf::PyCodeletV0",
            "parameters": {"codelet_name": name, "codelet_file": CODELETS,
                           "codelet_params": params}}


def _graph(tmp_path, scheduler, parameters):
    count = {"type": "nvidia::gxf::CountSchedulingTerm", "parameters": {"count": MESSAGES}}
    docs = []
    for pair in range(PAIRS):
        result = str(tmp_path / f"rx{pair}.json")
        docs.append({"name": f"tx{pair}",
                     "components": _queue("out") + [_python("ExclusiveTx", {}), count]})
        docs.append({"name": f"rx{pair}",
                     "components": _queue("in") + [_python("ExclusiveRx", {"result": result})]})
        docs.append({"components": [{"type": "nvidia::gxf::Connection", "parameters": {
            "source": f"tx{pair}/out", "target": f"rx{pair}/in"}}]})
    # A native chain beside them: workers not holding the gate run it meanwhile.
    docs.append({"name": "native_tx", "components": _queue("out") + [
        {"type": "nvidia::gxf::PingTx", "parameters": {"signal": "out"}},
        {"type": "nvidia::gxf::CountSchedulingTerm", "parameters": {"count": 5 * MESSAGES}}]})
    docs.append({"name": "native_rx", "components": _queue("in") + [
        {"type": "nvidia::gxf::PingRx", "parameters": {"signal": "in"}}]})
    docs.append({"components": [{"type": "nvidia::gxf::Connection", "parameters": {
        "source": "native_tx/out", "target": "native_rx/in"}}]})
    stats = str(tmp_path / "stats.json")
    docs.append({"name": "scheduler", "components": [
        {"name": "clock", "type": "nvidia::gxf::RealtimeClock"},
        {"type": scheduler, "parameters": {"clock": "clock", "stop_on_deadlock": True,
                                           "max_duration_ms": 60000, **parameters}},
        {"type": "nvidia::gxf::JobStatistics",
         "parameters": {"clock": "clock", "json_file_path": stats}}]})
    path = tmp_path / "graph.yaml"
    path.write_text(yaml.safe_dump_all(docs, explicit_start=True, sort_keys=False))
    return str(path), stats


@pytest.mark.parametrize("scheduler,parameters", [
    ("nvidia::gxf::EventBasedScheduler", {"worker_thread_number": 4}),
    ("nvidia::gxf::MultiThreadScheduler", {"worker_thread_number": 4,
                                           "check_recession_period_ms": 0}),
    ("nvidia::gxf::MultiThreadScheduler", {"worker_thread_number": 3,
                                           "check_recession_period_ms": 1}),
])
def test_python_pairs_on_workers_deliver_every_message_one_tick_at_a_time(
        tmp_path, scheduler, parameters):
    graph, stats = _graph(tmp_path, scheduler, parameters)
    result = run_gxe(graph, extra_args=["--severity", "1"])
    assert result.returncode == 0, result.stdout + result.stderr
    for pair in range(PAIRS):
        with open(tmp_path / f"rx{pair}.json", encoding="utf-8") as file:
            outcome = json.load(file)
        assert outcome == {"received": MESSAGES, "overlaps": 0}, (pair, outcome)
    with open(stats, encoding="utf-8") as file:
        ticks = {e["name"]: e["count"] for e in json.load(file)["entities"]}
    assert ticks["native_rx"] == 5 * MESSAGES
    assert all(ticks[f"tx{pair}"] == MESSAGES and ticks[f"rx{pair}"] == MESSAGES
               for pair in range(PAIRS)), ticks
