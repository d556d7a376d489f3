// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>
#include <unordered_map>

#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {

// Allocates from the heap without limit; host and system memory are plain aligned heap memory
// on a CPU-only build.
class UnboundedAllocator : public Allocator {
 public:
  gxf_result_t deinitialize() override;
  bool is_available(uint64_t size) const override { return true; }
  gxf_result_t allocate(uint64_t size, MemoryStorageType type, void** pointer) override;
  gxf_result_t free(void* pointer) override;

 private:
  std::mutex mutex_;
  std::unordered_map<void*, MemoryStorageType> allocations_;
};

}  // namespace gxf
}  // namespace nvidia
