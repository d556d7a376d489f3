// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {

// Allocates every request without limit: kSystem from the heap, kHost pinned (heap without
// CUDA), kDevice on GPU 0 (fails without CUDA). is_available() is always true.
//
// Pinned and device allocations are expensive CUDA calls (cuMemFree even synchronizes the
// device), so freed blocks of those two types are kept, up to kCacheBytes per type, and handed
// out again for requests of the same rounded size, as CuPy's and PyTorch's allocators do.
class UnboundedAllocator : public Allocator {
 public:
  static constexpr uint64_t kCacheBytes = 256ull << 20;

  UnboundedAllocator();
  gxf_result_t deinitialize() override;
  bool is_available(uint64_t size) const override { return true; }
  gxf_result_t allocate(uint64_t size, MemoryStorageType type, void** pointer) override;
  gxf_result_t free(void* pointer) override;
  std::shared_ptr<void> own(void* pointer) override;

 private:
  // Outstanding allocations and the cache of freed blocks. Shared with the owners own() hands
  // out, so memory released after this component is gone still finds its way back.
  struct Ledger {
    struct Block {
      MemoryStorageType type;
      uint64_t size;
    };
    std::mutex mutex;
    std::unordered_map<void*, Block> allocations;
    std::array<std::unordered_map<uint64_t, std::vector<void*>>, 2> cache;  // kHost, kDevice
    std::array<uint64_t, 2> cached_bytes{};
    ~Ledger();
    gxf_result_t allocate(uint64_t size, MemoryStorageType type, void** pointer);
    gxf_result_t release(void* pointer);
  };
  std::shared_ptr<Ledger> ledger_;
};

}  // namespace gxf
}  // namespace nvidia
