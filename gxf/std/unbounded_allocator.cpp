// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/unbounded_allocator.hpp"

#include "gxf/core/logger.hpp"
#include "gxf/std/storage.hpp"

namespace nvidia {
namespace gxf {

UnboundedAllocator::UnboundedAllocator() : ledger_(std::make_shared<Ledger>()) {}

gxf_result_t UnboundedAllocator::allocate(uint64_t size, MemoryStorageType type, void** pointer) {
  if (!pointer) return GXF_ARGUMENT_NULL;
  gxf_result_t code = allocate_storage(type, size, 0, pointer);
  if (code != GXF_SUCCESS) {
    GXF_LOG_ERROR("%s: cannot allocate %llu bytes of %s memory", describe().c_str(),
                  static_cast<unsigned long long>(size), storage_type_name(type));
    return code;
  }
  std::lock_guard<std::mutex> lock(ledger_->mutex);
  ledger_->allocations[*pointer] = type;
  return GXF_SUCCESS;
}

gxf_result_t UnboundedAllocator::Ledger::release(void* pointer) {
  MemoryStorageType type;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = allocations.find(pointer);
    if (it == allocations.end()) return GXF_ARGUMENT_INVALID;
    type = it->second;
    allocations.erase(it);
  }
  free_storage(type, pointer);
  return GXF_SUCCESS;
}

gxf_result_t UnboundedAllocator::free(void* pointer) {
  gxf_result_t code = ledger_->release(pointer);
  if (code != GXF_SUCCESS) {
    GXF_LOG_ERROR("%s: free of a pointer it did not allocate", describe().c_str());
  }
  return code;
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

}  // namespace gxf
}  // namespace nvidia
