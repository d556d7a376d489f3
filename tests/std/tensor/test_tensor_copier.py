# SPDX-License-Identifier: Apache-2.0
"""TensorCopier between host and system memory, checked against an identical generator by
TensorComparator (device copies are in tests/cuda)."""

GENERATOR = """
name: {name}
components:
- {{name: out, type: nvidia::gxf::DoubleBufferTransmitter}}
- {{name: allocator, type: nvidia::gxf::UnboundedAllocator}}
- type: nvidia::gxf::test::TensorGenerator
  parameters: {{output: out, allocator: allocator, shape: [4, 4, 4, 4], storage_type: {storage},
               enable_timestamps: false, number_of_tensors: 2}}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {{transmitter: out, min_size: 1}}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: 10}}
"""

COPIER = """
name: {name}
components:
- {{name: in, type: nvidia::gxf::DoubleBufferReceiver}}
- {{name: out, type: nvidia::gxf::DoubleBufferTransmitter}}
- name: pool
  type: nvidia::gxf::BlockMemoryPool
  parameters: {{storage_type: {storage}, block_size: 1024, num_blocks: 8}}
- type: nvidia::gxf::TensorCopier
  parameters: {{receiver: in, transmitter: out, allocator: pool, mode: {mode}}}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {{receiver: in, min_size: 1}}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {{transmitter: out, min_size: 1}}
"""

REST = """
name: comparator
components:
- {name: expected, type: nvidia::gxf::DoubleBufferReceiver}
- {name: actual, type: nvidia::gxf::DoubleBufferReceiver}
- type: nvidia::gxf::test::TensorComparator
  parameters: {expected: expected, actual: actual}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: expected, min_size: 1}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: actual, min_size: 1}
---
components:
- type: nvidia::gxf::Connection
  parameters: {source: generator/out, target: first/in}
- type: nvidia::gxf::Connection
  parameters: {source: first/out, target: second/in}
- type: nvidia::gxf::Connection
  parameters: {source: second/out, target: comparator/actual}
- type: nvidia::gxf::Connection
  parameters: {source: reference/out, target: comparator/expected}
---
components:
- {name: clock, type: nvidia::gxf::ManualClock}
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock, max_duration_ms: 10000}
"""


def copier_graph(source, first_mode, second_mode, reference):
    """generator(source) -> copier(first_mode) -> copier(second_mode) -> comparator vs
    reference generator(reference storage). Modes: 1 to host (storage 0), 2 to system (2)."""
    storage_of_mode = {1: 0, 2: 2}
    return "---\n".join([
        GENERATOR.format(name="generator", storage=source),
        GENERATOR.format(name="reference", storage=reference),
        COPIER.format(name="first", storage=storage_of_mode[first_mode], mode=first_mode),
        COPIER.format(name="second", storage=storage_of_mode[second_mode], mode=second_mode),
        REST])


def test_copies_host_to_system_and_back_unchanged(run_graph):
    code, _, output = run_graph(copier_graph(source=0, first_mode=2, second_mode=1, reference=0))
    assert code == 0, output


def test_copier_leaves_tensors_already_in_the_target_storage(run_graph):
    code, _, output = run_graph(copier_graph(source=2, first_mode=2, second_mode=2, reference=2))
    assert code == 0, output


def test_comparator_fails_on_a_storage_type_mismatch(run_graph):
    code, _, output = run_graph(copier_graph(source=0, first_mode=2, second_mode=2, reference=0))
    assert code != 0, output
