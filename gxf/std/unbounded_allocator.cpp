// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/unbounded_allocator.hpp"

#include "gxf/core/logger.hpp"
#include "gxf/std/storage.hpp"

namespace nvidia {
namespace gxf {

namespace {

constexpr uint64_t kGranularity = 256;

uint64_t rounded(uint64_t size) {
  return size == 0 ? kGranularity : (size + kGranularity - 1) / kGranularity * kGranularity;
}

// Cache slot of a storage type; -1 for types that are not cached (plain heap memory).
int cache_slot(MemoryStorageType type) {
  switch (type) {
    case MemoryStorageType::kHost: return 0;
    case MemoryStorageType::kDevice: return 1;
    case MemoryStorageType::kSystem: return -1;
  }
  return -1;
}

}  // namespace

UnboundedAllocator::UnboundedAllocator() : ledger_(std::make_shared<Ledger>()) {}

gxf_result_t UnboundedAllocator::allocate(uint64_t size, MemoryStorageType type, void** pointer) {
  if (!pointer) return GXF_ARGUMENT_NULL;
  gxf_result_t code = ledger_->allocate(size, type, pointer);
  if (code != GXF_SUCCESS) {
    return fail(code, "cannot allocate %llu bytes of %s memory",
                static_cast<unsigned long long>(size), storage_type_name(type));
  }
  return GXF_SUCCESS;
}

gxf_result_t UnboundedAllocator::free(void* pointer) {
  gxf_result_t code = ledger_->release(pointer);
  if (code != GXF_SUCCESS) return fail(code, "free of a pointer it did not allocate");
  return GXF_SUCCESS;
}

std::shared_ptr<void> UnboundedAllocator::own(void* pointer) {
  return std::shared_ptr<void>(pointer, [ledger = ledger_](void* memory) {
    ledger->release(memory);
  });
}

gxf_result_t UnboundedAllocator::deinitialize() {
  std::lock_guard<std::mutex> lock(ledger_->mutex);
  if (!ledger_->allocations.empty()) {
    GXF_LOG_DEBUG("%s: %zu allocation(s) still held by messages", describe().c_str(),
                  ledger_->allocations.size());
  }
  return GXF_SUCCESS;
}

gxf_result_t UnboundedAllocator::Ledger::allocate(uint64_t size, MemoryStorageType type,
                                                  void** pointer) {
  const uint64_t bytes = rounded(size);
  const int slot = cache_slot(type);
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (slot >= 0) {
      auto it = cache[slot].find(bytes);
      if (it != cache[slot].end() && !it->second.empty()) {
        *pointer = it->second.back();
        it->second.pop_back();
        cached_bytes[slot] -= bytes;
        allocations[*pointer] = Block{type, bytes};
        return GXF_SUCCESS;
      }
    }
  }
  gxf_result_t code = allocate_storage(type, bytes, 0, pointer);
  if (code != GXF_SUCCESS) return code;
  std::lock_guard<std::mutex> lock(mutex);
  allocations[*pointer] = Block{type, bytes};
  return GXF_SUCCESS;
}

gxf_result_t UnboundedAllocator::Ledger::release(void* pointer) {
  Block block;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = allocations.find(pointer);
    if (it == allocations.end()) return GXF_ARGUMENT_INVALID;
    block = it->second;
    allocations.erase(it);
    const int slot = cache_slot(block.type);
    if (slot >= 0 && cached_bytes[slot] + block.size <= kCacheBytes) {
      cache[slot][block.size].push_back(pointer);
      cached_bytes[slot] += block.size;
      return GXF_SUCCESS;
    }
  }
  free_storage(block.type, pointer);
  return GXF_SUCCESS;
}

UnboundedAllocator::Ledger::~Ledger() {
  const MemoryStorageType types[] = {MemoryStorageType::kHost, MemoryStorageType::kDevice};
  for (int slot = 0; slot < 2; ++slot) {
    for (auto& entry : cache[slot]) {
      for (void* pointer : entry.second) free_storage(types[slot], pointer);
    }
  }
}

}  // namespace gxf
}  // namespace nvidia
