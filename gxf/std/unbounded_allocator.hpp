// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>

#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {

// Allocates every request anew, without limit: kSystem from the heap, kHost pinned (heap
// without CUDA), kDevice on GPU 0 (fails without CUDA). is_available() is always true.
class UnboundedAllocator : public Allocator {
 public:
  UnboundedAllocator();
  gxf_result_t deinitialize() override;
  bool is_available(uint64_t size) const override { return true; }
  gxf_result_t allocate(uint64_t size, MemoryStorageType type, void** pointer) override;
  gxf_result_t free(void* pointer) override;
  std::shared_ptr<void> own(void* pointer) override;

 private:
  // Outstanding allocations and their storage types. Shared with the owners own() hands out,
  // so memory released after this component is gone still finds its way back.
  struct Ledger {
    std::mutex mutex;
    std::unordered_map<void*, MemoryStorageType> allocations;
    gxf_result_t release(void* pointer);
  };
  std::shared_ptr<Ledger> ledger_;
};

}  // namespace gxf
}  // namespace nvidia
