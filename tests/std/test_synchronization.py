# SPDX-License-Identifier: Apache-2.0
"""Synchronization forwards only messages whose acquisition times line up."""

import json

import pytest

from gxf import core
from gxf_test_support import run_to_end

SOURCE = """
name: {name}
components:
- name: out
  type: nvidia::gxf::DoubleBufferTransmitter
  parameters: {{capacity: 4}}
- type: nvidia::gxf::PingTx
  parameters: {{signal: out, clock: scheduler/clock}}
- type: nvidia::gxf::PeriodicSchedulingTerm
  parameters: {{recess_period: {period}}}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: {count}}}
---
"""
SINK = """
name: {name}
components:
- name: in
  type: nvidia::gxf::DoubleBufferReceiver
  parameters: {{capacity: 4}}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {{receiver: in}}
- type: nvidia::gxf::PingRx
  parameters: {{signal: in}}
---
"""
GRAPH = SOURCE.format(name="fast", period="10ms", count=10) + \
    SOURCE.format(name="slow", period="20ms", count=5) + """
name: sync
components:
- name: in_fast
  type: nvidia::gxf::DoubleBufferReceiver
  parameters: {capacity: 4}
- name: in_slow
  type: nvidia::gxf::DoubleBufferReceiver
  parameters: {capacity: 4}
- name: out_fast
  type: nvidia::gxf::DoubleBufferTransmitter
  parameters: {capacity: 4}
- name: out_slow
  type: nvidia::gxf::DoubleBufferTransmitter
  parameters: {capacity: 4}
- type: nvidia::gxf::MultiMessageAvailableSchedulingTerm
  parameters: {receivers: [in_fast, in_slow], sampling_mode: PerReceiver, min_sizes: [1, 1]}
- type: nvidia::gxf::Synchronization
  parameters: {inputs: [in_fast, in_slow], outputs: [out_fast, out_slow], sync_threshold: 0}
---
""" + SINK.format(name="sink_fast") + SINK.format(name="sink_slow") + """
components:
- type: nvidia::gxf::Connection
  parameters: {source: fast/out, target: sync/in_fast}
- type: nvidia::gxf::Connection
  parameters: {source: slow/out, target: sync/in_slow}
- type: nvidia::gxf::Connection
  parameters: {source: sync/out_fast, target: sink_fast/in}
- type: nvidia::gxf::Connection
  parameters: {source: sync/out_slow, target: sink_slow/in}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::ManualClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock, max_duration_ms: 1000}
- type: nvidia::gxf::JobStatistics
  parameters: {clock: clock, json_file_path: STATS}
"""


def test_only_simultaneous_messages_pass_and_stale_ones_are_dropped(context, tmp_path):
    stats = tmp_path / "stats.json"
    graph = tmp_path / "sync.yaml"
    graph.write_text(GRAPH.replace("STATS", str(stats)))
    run_to_end(context, str(graph))
    counts = {e["name"]: e["count"] for e in json.loads(stats.read_text())["entities"]}
    # fast sends at 0, 10, ..., 90 ms and slow at 0, 20, ..., 80 ms: five pairs line up.
    assert counts["sink_fast"] == 5 and counts["sink_slow"] == 5


def test_fewer_than_two_inputs_fails_at_start(context, tmp_path):
    graph = tmp_path / "one.yaml"
    graph.write_text("""
name: sync
components:
- name: a
  type: nvidia::gxf::DoubleBufferReceiver
- name: b
  type: nvidia::gxf::DoubleBufferTransmitter
- type: nvidia::gxf::Synchronization
  parameters: {inputs: [a], outputs: [b]}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::ManualClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock}
""")
    core.graph_load_file(context, str(graph))
    core.graph_activate(context)
    with pytest.raises(core.GxfError, match="GXF_ARGUMENT_INVALID"):
        core.graph_run(context)
