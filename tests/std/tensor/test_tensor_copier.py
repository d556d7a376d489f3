# SPDX-License-Identifier: Apache-2.0
"""TensorCopier between host and system memory, checked against an identical generator by
TensorComparator (device copies are in tests/cuda)."""


import gxf.std as std
from gxf.core import Component, Entity, Graph
from gxf.std import (BlockMemoryPool, CountSchedulingTerm, DoubleBufferReceiver,
                     DoubleBufferTransmitter, DownstreamReceptiveSchedulingTerm, GreedyScheduler,
                     ManualClock, MessageAvailableSchedulingTerm, TensorCopier,
                     UnboundedAllocator)


STORAGE_OF_MODE = {1: 0, 2: 2}  # copy mode (1 to host, 2 to system) -> storage type


def _output(entity):
    out = entity.add(DoubleBufferTransmitter("out"))
    entity.add(DownstreamReceptiveSchedulingTerm("", transmitter=out, min_size=1))
    return out


def _input(entity, name="in"):
    queue = entity.add(DoubleBufferReceiver(name))
    entity.add(MessageAvailableSchedulingTerm("", receiver=queue, min_size=1))
    return queue


def _generator(g, name, storage):
    """Ten messages of two 4x4x4x4 tensors in `storage`."""
    entity = g.add(Entity(name))
    out = _output(entity)
    allocator = entity.add(UnboundedAllocator("allocator"))
    entity.add(Component("nvidia::gxf::test::TensorGenerator", "", output=out,
                         allocator=allocator, shape=[4, 4, 4, 4], storage_type=storage,
                         enable_timestamps=False, number_of_tensors=2))
    entity.add(CountSchedulingTerm("", count=10))
    return out


def _copier(g, name, mode):
    entity = g.add(Entity(name))
    receiver, out = _input(entity), _output(entity)
    pool = entity.add(BlockMemoryPool("pool", storage_type=STORAGE_OF_MODE[mode],
                                      block_size=1024, num_blocks=8))
    entity.add(TensorCopier("", receiver=receiver, transmitter=out, allocator=pool, mode=mode))
    return receiver, out


def copier_graph(source, first_mode, second_mode, reference):
    """generator(source) -> copier(first_mode) -> copier(second_mode) -> comparator vs
    reference generator(reference storage)."""
    g = Graph()
    generated = _generator(g, "generator", source)
    expected_out = _generator(g, "reference", reference)
    first_in, first_out = _copier(g, "first", first_mode)
    second_in, second_out = _copier(g, "second", second_mode)
    comparator = g.add(Entity("comparator"))
    expected, actual = _input(comparator, "expected"), _input(comparator, "actual")
    comparator.add(Component("nvidia::gxf::test::TensorComparator", "", expected=expected,
                             actual=actual))
    for source_queue, target_queue in ((generated, first_in), (first_out, second_in),
                                       (second_out, actual), (expected_out, expected)):
        std.connect(source_queue, target_queue)
    clock = std.set_clock(g, ManualClock("clock"))
    std.set_scheduler(g, GreedyScheduler("", clock=clock, max_duration_ms=10000))
    return g


def test_copies_host_to_system_and_back_unchanged(run_graph):
    code, _, output = run_graph(copier_graph(source=0, first_mode=2, second_mode=1, reference=0))
    assert code == 0, output


def test_copier_leaves_tensors_already_in_the_target_storage(run_graph):
    code, _, output = run_graph(copier_graph(source=2, first_mode=2, second_mode=2, reference=2))
    assert code == 0, output


def test_comparator_fails_on_a_storage_type_mismatch(run_graph):
    code, _, output = run_graph(copier_graph(source=0, first_mode=2, second_mode=2, reference=0))
    assert code != 0, output
