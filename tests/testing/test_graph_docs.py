# SPDX-License-Identifier: Apache-2.0
"""gxf.testing.graph_docs: queue pieces that load and pass messages in a real graph."""

import pytest
import yaml

from gxf.testing import run_graph
from gxf.testing.graph_docs import queue_components


def test_queue_components_make_a_working_chain(tmp_path):
    count = {"type": "nvidia::gxf::CountSchedulingTerm", "parameters": {"count": 7}}
    docs = [
        {"name": "tx", "components": queue_components("out", capacity=2) + [
            {"type": "nvidia::gxf::PingTx", "parameters": {"signal": "out"}}, count]},
        {"name": "rx", "components": queue_components("in", capacity=2) + [
            {"type": "nvidia::gxf::PingRx", "parameters": {"signal": "in"}}]},
        {"components": [{"type": "nvidia::gxf::Connection",
                         "parameters": {"source": "tx/out", "target": "rx/in"}}]},
        {"components": [{"name": "clock", "type": "nvidia::gxf::RealtimeClock"},
                        {"type": "nvidia::gxf::GreedyScheduler",
                         "parameters": {"clock": "clock", "stop_on_deadlock": True}}]},
    ]
    graph = tmp_path / "chain.yaml"
    graph.write_text(yaml.safe_dump_all(docs, explicit_start=True, sort_keys=False))
    run = run_graph(str(graph))
    assert run.ticks_of("rx") == 7


def test_queue_components_refuse_an_unknown_role():
    with pytest.raises(ValueError, match="'in' or 'out'"):
        queue_components("sideways")
