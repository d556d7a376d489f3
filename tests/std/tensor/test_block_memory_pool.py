# SPDX-License-Identifier: Apache-2.0
"""BlockMemoryPool and UnboundedAllocator as GXF specifies them, including a pool that runs dry."""

import gc

import pytest

from gxf.core import MessageEntity
from gxf.std import MemoryStorageType, PrimitiveType, Shape, Tensor, TensorDescription

SYSTEM = MemoryStorageType.kSystem


def test_pool_runs_dry_after_num_blocks_allocations(memory):
    memory.pool.allocate(1024, SYSTEM)
    memory.pool.allocate(10, SYSTEM)
    with pytest.raises(ValueError, match="GXF_EXCEEDING_PREALLOCATED_SIZE"):
        memory.pool.allocate(10, SYSTEM)


def test_dry_pool_reports_no_memory_available(memory):
    blocks = [memory.pool.allocate(1, SYSTEM) for _ in range(2)]
    assert not memory.pool.is_available(1)
    memory.pool.free(blocks[0])
    assert memory.pool.is_available(1024) and not memory.pool.is_available(1025)


def test_pool_block_comes_back_when_its_message_is_freed(memory):
    description = TensorDescription("t", SYSTEM, Shape([256]), PrimitiveType.kFloat32, 4)
    messages = []
    for _ in range(2):
        messages.append(MessageEntity(memory.context))
        Tensor.add_to_entity(messages[-1], "t").reshape(description, memory.pool)
    third = MessageEntity(memory.context)
    with pytest.raises(ValueError, match="GXF_EXCEEDING_PREALLOCATED_SIZE"):
        Tensor.add_to_entity(third, "t").reshape(description, memory.pool)
    del messages[0]
    gc.collect()
    Tensor.add_to_entity(third, "t").reshape(description, memory.pool)


def test_pool_rejects_another_storage_type(memory):
    with pytest.raises(ValueError, match="GXF_ARGUMENT_INVALID"):
        memory.pool.allocate(16, MemoryStorageType.kHost)


def test_pool_rejects_a_request_larger_than_a_block(memory):
    with pytest.raises(ValueError, match="GXF_ARGUMENT_INVALID"):
        memory.pool.allocate(1025, SYSTEM)


def test_block_size_is_the_pools_block_size(memory):
    assert (memory.pool.block_size(), memory.unbounded.block_size()) == (1024, 1)


def test_unbounded_allocator_is_always_available(memory):
    assert memory.unbounded.is_available(1 << 40)
