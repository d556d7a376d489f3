# SPDX-License-Identifier: Apache-2.0
"""Tensors travelling through graphs of Python and native codelets: unchanged, never copied,
and without leaking memory."""


QUEUE = """
- name: {name}
  type: nvidia::gxf::DoubleBuffer{kind}
"""

CHAIN = """
name: source
components:
- name: out
  type: nvidia::gxf::DoubleBufferTransmitter
- name: allocator
  type: nvidia::gxf::UnboundedAllocator
- type: nvidia::gxf::PyCodeletV0
  parameters:
    codelet_name: TensorSource
    codelet_file: CODELETS/tensor_chain.py
    codelet_params: {transmitter: out, allocator: allocator}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {transmitter: out, min_size: 1}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 20}
---
name: forward1
components:
- {name: in, type: nvidia::gxf::DoubleBufferReceiver}
- {name: out, type: nvidia::gxf::DoubleBufferTransmitter}
- type: nvidia::gxf::Forward
  parameters: {in: in, out: out}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: in, min_size: 1}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {transmitter: out, min_size: 1}
---
name: check
components:
- {name: in, type: nvidia::gxf::DoubleBufferReceiver}
- {name: out, type: nvidia::gxf::DoubleBufferTransmitter}
- type: nvidia::gxf::PyCodeletV0
  parameters:
    codelet_name: TensorCheck
    codelet_file: CODELETS/tensor_chain.py
    codelet_params: {receiver: in, transmitter: out, stage: check}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: in, min_size: 1}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {transmitter: out, min_size: 1}
---
name: forward2
components:
- {name: in, type: nvidia::gxf::DoubleBufferReceiver}
- {name: out, type: nvidia::gxf::DoubleBufferTransmitter}
- type: nvidia::gxf::Forward
  parameters: {in: in, out: out}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: in, min_size: 1}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {transmitter: out, min_size: 1}
---
name: sink
components:
- {name: in, type: nvidia::gxf::DoubleBufferReceiver}
- type: nvidia::gxf::PyCodeletV0
  parameters:
    codelet_name: TensorSink
    codelet_file: CODELETS/tensor_chain.py
    codelet_params: {receiver: in}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: in, min_size: 1}
---
components:
- type: nvidia::gxf::Connection
  parameters: {source: source/out, target: forward1/in}
- type: nvidia::gxf::Connection
  parameters: {source: forward1/out, target: check/in}
- type: nvidia::gxf::Connection
  parameters: {source: check/out, target: forward2/in}
- type: nvidia::gxf::Connection
  parameters: {source: forward2/out, target: sink/in}
---
components:
- {name: clock, type: nvidia::gxf::RealtimeClock}
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock, max_duration_ms: 60000}
"""

FRAMES = """
name: source
components:
- name: out
  type: nvidia::gxf::DoubleBufferTransmitter
- name: allocator
  type: nvidia::gxf::UnboundedAllocator
- type: nvidia::gxf::PyCodeletV0
  parameters:
    codelet_name: FrameSource
    codelet_file: CODELETS/tensor_chain.py
    codelet_params: {transmitter: out, allocator: allocator}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {transmitter: out, min_size: 1}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 100000}
---
name: forward
components:
- {name: in, type: nvidia::gxf::DoubleBufferReceiver}
- {name: out, type: nvidia::gxf::DoubleBufferTransmitter}
- type: nvidia::gxf::Forward
  parameters: {in: in, out: out}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: in, min_size: 1}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {transmitter: out, min_size: 1}
---
name: sink
components:
- {name: in, type: nvidia::gxf::DoubleBufferReceiver}
- type: nvidia::gxf::PyCodeletV0
  parameters:
    codelet_name: FrameSink
    codelet_file: CODELETS/tensor_chain.py
    codelet_params: {receiver: in, checkpoints: [10000, 100000]}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: in, min_size: 1}
---
components:
- type: nvidia::gxf::Connection
  parameters: {source: source/out, target: forward/in}
- type: nvidia::gxf::Connection
  parameters: {source: forward/out, target: sink/in}
---
components:
- {name: clock, type: nvidia::gxf::RealtimeClock}
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock, max_duration_ms: 600000}
"""


def run_chain(run_graph):
    """Run the chain graph; returns {stage: {tick: pointers}}."""
    code, reports, output = run_graph(CHAIN)
    assert code == 0, output
    stages = {}
    for entry in reports:
        stages.setdefault(entry["stage"], {})[entry["tick"]] = entry["pointers"]
    return stages


def test_every_primitive_type_and_layout_arrives_unchanged(run_graph):
    stages = run_chain(run_graph)
    assert sorted(stages["sink"]) == list(range(20))


def test_tensor_pointers_are_identical_at_every_hop(run_graph):
    stages = run_chain(run_graph)
    for tick, source_pointers in stages["source"].items():
        assert stages["check"][tick] == source_pointers
        assert stages["sink"][tick] == source_pointers


def test_memory_stays_flat_over_100k_messages(run_graph):
    code, reports, output = run_graph(FRAMES, timeout=600)
    assert code == 0, output
    rss = {entry["count"]: entry["rss"] for entry in reports}
    assert rss[100000] - rss[10000] < 16 * 1024 * 1024, rss
