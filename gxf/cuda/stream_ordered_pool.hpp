// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "gxf/core/expected.hpp"
#include "gxf/std/gems/cuda_driver/cuda_driver.hpp"

namespace nvidia {
namespace gxf {

// A CUDA stream-ordered memory pool (cuMemPoolCreate) with a byte limit and its own stream for
// synchronous use. Allocators hold it through a shared pointer, and so does every block they
// hand out (own()): memory that outlives the allocator component still finds its pool.
class StreamOrderedPool : public std::enable_shared_from_this<StreamOrderedPool> {
 public:
  // A pool on `device` caching up to `release_threshold` bytes, refusing to hold more than
  // `max_size`, primed by allocating and freeing `initial_size` once.
  static Expected<std::shared_ptr<StreamOrderedPool>> create(int device,
                                                             uint64_t release_threshold,
                                                             uint64_t max_size,
                                                             uint64_t initial_size);
  ~StreamOrderedPool();

  // Stream-ordered: usable by work queued on `stream` after this call.
  gxf_result_t allocate(uint64_t size, CudaStreamHandle stream, void** pointer);
  gxf_result_t release(void* pointer, CudaStreamHandle stream, bool wait);
  // Synchronous, on the pool's own stream.
  gxf_result_t allocate_sync(uint64_t size, void** pointer);
  gxf_result_t release_sync(void* pointer);
  // An owner that gives `pointer` back synchronously when the last holder lets go.
  std::shared_ptr<void> own(void* pointer);

  uint64_t used() const;
  uint64_t max_size() const { return max_size_; }

 private:
  StreamOrderedPool() = default;

  CudaMemPoolHandle pool_ = nullptr;
  CudaStreamHandle stream_ = nullptr;
  uint64_t max_size_ = 0;
  mutable std::mutex mutex_;
  std::unordered_map<void*, uint64_t> allocations_;
  uint64_t used_ = 0;
};

// Bytes in a size string such as "16MB" (KB, MB, GB, TB, 1024-based); as in GXF a bare number
// or the unit "B" means megabytes. -1 if invalid.
int64_t parse_storage_size(const std::string& text);

}  // namespace gxf
}  // namespace nvidia
