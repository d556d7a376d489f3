# SPDX-License-Identifier: Apache-2.0
"""What publishing means, as in GXF: a message published twice is delivered twice (the same
entity both times; GXF's DoubleBufferTransmitter pushes on every publish and never looks for
duplicates), and the value a Python tick() returns is ignored."""

import json
import os

import pytest

from gxf_test_support import REPO, run_gxe

CODELETS = os.path.join(REPO, "tests", "python_codelet", "codelets", "publish_twice.py")


def write_graph(tmp_path, returns="null"):
    """TwiceSource (3 ticks) -> EidSink; returns the graph path and the sink's output file."""
    out = tmp_path / "eids.json"
    graph = tmp_path / "twice.yaml"
    graph.write_text(f"""
name: tx
components:
- name: out
  type: nvidia::gxf::DoubleBufferTransmitter
  parameters: {{capacity: 8}}
- type: nvidia::gxf::PyCodeletV0
  parameters:
    codelet_name: TwiceSource
    codelet_file: {CODELETS}
    codelet_params: {{returns: {returns}}}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: 3}}
---
name: rx
components:
- name: in
  type: nvidia::gxf::DoubleBufferReceiver
  parameters: {{capacity: 8}}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {{receiver: in}}
- type: nvidia::gxf::PyCodeletV0
  parameters:
    codelet_name: EidSink
    codelet_file: {CODELETS}
    codelet_params: {{out: {out}}}
---
components:
- type: nvidia::gxf::Connection
  parameters: {{source: tx/out, target: rx/in}}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::ManualClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {{clock: clock, max_duration_ms: 10000}}
""")
    return str(graph), out


def test_a_message_published_twice_is_delivered_twice(tmp_path):
    graph, out = write_graph(tmp_path)
    result = run_gxe(graph, extra_args=["--severity", "1"])
    assert result.returncode == 0, result.output
    eids = json.loads(out.read_text())
    assert len(eids) == 6
    assert eids[0::2] == eids[1::2]  # each message arrives twice in a row, as the same entity


@pytest.mark.parametrize("returns", ["false", "1", "-1", "error", "[1, 2]"])
def test_the_value_a_python_tick_returns_is_ignored(tmp_path, returns):
    graph, out = write_graph(tmp_path, returns=returns)
    result = run_gxe(graph, extra_args=["--severity", "1"])
    assert result.returncode == 0, result.output
    assert len(json.loads(out.read_text())) == 6  # every tick ran, none ended the graph
