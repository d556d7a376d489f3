// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/unbounded_allocator.hpp"

#include <cstdlib>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

namespace {
constexpr size_t kAlignment = 256;  // matches CUDA's allocation alignment
}

gxf_result_t UnboundedAllocator::allocate(uint64_t size, MemoryStorageType type, void** pointer) {
  if (type == MemoryStorageType::kDevice) {
    GXF_LOG_ERROR("%s: device memory needs the CUDA extension's allocator", describe().c_str());
    return GXF_MEMORY_INVALID_STORAGE_MODE;
  }
  size_t rounded = ((size + kAlignment - 1) / kAlignment) * kAlignment;
  void* memory = std::aligned_alloc(kAlignment, rounded == 0 ? kAlignment : rounded);
  if (!memory) return GXF_OUT_OF_MEMORY;
  std::lock_guard<std::mutex> lock(mutex_);
  allocations_[memory] = type;
  *pointer = memory;
  return GXF_SUCCESS;
}

gxf_result_t UnboundedAllocator::free(void* pointer) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (allocations_.erase(pointer) == 0) return GXF_ARGUMENT_INVALID;
  }
  std::free(pointer);
  return GXF_SUCCESS;
}

gxf_result_t UnboundedAllocator::deinitialize() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!allocations_.empty()) {
    GXF_LOG_WARNING("%s: %zu allocation(s) still outstanding", describe().c_str(),
                    allocations_.size());
  }
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
