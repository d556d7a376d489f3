// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/block_memory_pool.hpp"

#include "gxf/core/logger.hpp"
#include "gxf/std/storage.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t BlockMemoryPool::register_interface(Registrar* registrar) {
  registrar->parameter(storage_type_, "storage_type", "Storage type",
                       "Memory storage type of the pool: kHost (0), kDevice (1) or kSystem (2)",
                       int32_t{0});
  registrar->parameter(block_size_, "block_size", "Block size",
                       "Size of one block in bytes; every allocation takes one whole block");
  registrar->parameter(num_blocks_, "num_blocks", "Number of blocks",
                       "Number of blocks allocated up front; more requests fail");
  registrar->range(storage_type_, 0, 2);
  registrar->range(block_size_, 1, kMaxPoolBytes);
  registrar->range(num_blocks_, 1, kMaxPoolBytes);
  return GXF_SUCCESS;
}

gxf_result_t BlockMemoryPool::initialize() {
  const int32_t type = storage_type_.get();
  if (num_blocks_.get() > kMaxPoolBytes / block_size_.get()) {
    return fail(GXF_PARAMETER_OUT_OF_RANGE,
                "block_size * num_blocks must be at most %llu bytes, got %llu * %llu",
                static_cast<unsigned long long>(kMaxPoolBytes),
                static_cast<unsigned long long>(block_size_.get()),
                static_cast<unsigned long long>(num_blocks_.get()));
  }
  auto arena = std::make_shared<Arena>();
  arena->type = static_cast<MemoryStorageType>(type);
  arena->block_size = block_size_.get();
  arena->num_blocks = num_blocks_.get();
  void* base = nullptr;
  gxf_result_t code =
      allocate_storage(arena->type, arena->block_size * arena->num_blocks, 0, &base);
  if (code != GXF_SUCCESS) {
    return fail(code == GXF_OUT_OF_MEMORY ? code : GXF_OUT_OF_MEMORY,
                "cannot allocate %llu blocks of %llu bytes of %s memory: %s",
                static_cast<unsigned long long>(arena->num_blocks),
                static_cast<unsigned long long>(arena->block_size), storage_type_name(arena->type),
                result_str(code));
  }
  arena->base = static_cast<unsigned char*>(base);
  arena->free_list.reserve(arena->num_blocks);
  for (uint64_t i = arena->num_blocks; i > 0; --i) arena->free_list.push_back(i - 1);
  arena->free_count = arena->num_blocks;
  arena_ = std::move(arena);
  return GXF_SUCCESS;
}

gxf_result_t BlockMemoryPool::deinitialize() {
  if (arena_ && arena_->free_count.load() != arena_->num_blocks) {
    GXF_LOG_WARNING("BlockMemoryPool %s still has unreleased memory (%llu of %llu blocks)",
                    name().c_str(),
                    static_cast<unsigned long long>(arena_->num_blocks - arena_->free_count),
                    static_cast<unsigned long long>(arena_->num_blocks));
  }
  arena_.reset();  // the memory goes once the last block held by a message comes back
  return GXF_SUCCESS;
}

uint64_t BlockMemoryPool::free_blocks() const {
  return arena_ ? arena_->free_count.load(std::memory_order_relaxed) : 0;
}

bool BlockMemoryPool::is_available(uint64_t size) const {
  return arena_ && size <= arena_->block_size * free_blocks();
}

gxf_result_t BlockMemoryPool::allocate(uint64_t size, MemoryStorageType type, void** pointer) {
  if (!arena_) {
    return fail(GXF_INVALID_LIFECYCLE_STAGE, "allocate before initialize");
  }
  if (!pointer) return GXF_ARGUMENT_NULL;
  if (type != arena_->type) {
    return fail(GXF_ARGUMENT_INVALID, "%s memory requested from a pool of %s memory",
                storage_type_name(type), storage_type_name(arena_->type));
  }
  if (size > arena_->block_size) {
    return fail(GXF_ARGUMENT_INVALID, "requested %llu bytes from a pool with block size %llu",
                static_cast<unsigned long long>(size),
                static_cast<unsigned long long>(arena_->block_size));
  }
  gxf_result_t code = arena_->take(pointer);
  if (code != GXF_SUCCESS) {
    return fail(code, "too many chunks allocated, memory of size %llu not available",
                static_cast<unsigned long long>(size));
  }
  return GXF_SUCCESS;
}

gxf_result_t BlockMemoryPool::free(void* pointer) {
  if (!arena_) return GXF_CONTRACT_INVALID_SEQUENCE;
  return arena_->give_back(pointer);
}

std::shared_ptr<void> BlockMemoryPool::own(void* pointer) {
  return std::shared_ptr<void>(pointer, [arena = arena_](void* memory) {
    if (arena && arena->give_back(memory) != GXF_SUCCESS) {
      GXF_LOG_ERROR("BlockMemoryPool: a block came back that is not part of the pool");
    }
  });
}

BlockMemoryPool::Arena::~Arena() { free_storage(type, base); }

gxf_result_t BlockMemoryPool::Arena::take(void** pointer) {
  std::lock_guard<std::mutex> lock(mutex);
  if (free_list.empty()) return GXF_EXCEEDING_PREALLOCATED_SIZE;
  const uint64_t index = free_list.back();
  free_list.pop_back();
  free_count.store(free_list.size(), std::memory_order_relaxed);
  *pointer = base + index * block_size;
  return GXF_SUCCESS;
}

gxf_result_t BlockMemoryPool::Arena::give_back(void* pointer) {
  auto* address = static_cast<unsigned char*>(pointer);
  if (address < base || block_size == 0) return GXF_ARGUMENT_OUT_OF_RANGE;
  const uint64_t offset = static_cast<uint64_t>(address - base);
  const uint64_t index = offset / block_size;
  if (index * block_size != offset) return GXF_ARGUMENT_INVALID;
  if (index >= num_blocks) return GXF_ARGUMENT_OUT_OF_RANGE;
  std::lock_guard<std::mutex> lock(mutex);
  if (free_list.size() >= num_blocks) return GXF_FAILURE;  // more frees than allocations
  free_list.push_back(index);
  free_count.store(free_list.size(), std::memory_order_relaxed);
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
