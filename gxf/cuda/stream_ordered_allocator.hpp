// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "gxf/core/parameter.hpp"
#include "gxf/cuda/cuda_allocator.hpp"

namespace nvidia {
namespace gxf {

// Device memory from a CUDA stream-ordered memory pool (cudaMallocFromPoolAsync) on GPU 0.
// Sizes are strings with a unit (B, KB, MB, GB, TB; 1024-based): the pool keeps up to
// `release_threshold` cached, is primed with `device_memory_initial_size` and never holds more
// than `device_memory_max_size` (requests beyond fail with GXF_OUT_OF_MEMORY). Only kDevice
// memory; allocate()/free() are synchronous, allocate_async()/free_async() stream-ordered.
class StreamOrderedAllocator : public CudaAllocator {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  bool is_available(uint64_t size) const override;
  gxf_result_t allocate(uint64_t size, MemoryStorageType type, void** pointer) override;
  gxf_result_t free(void* pointer) override;
  std::shared_ptr<void> own(void* pointer) override;
  gxf_result_t allocate_async(uint64_t size, CudaStreamHandle stream, void** pointer) override;
  gxf_result_t free_async(void* pointer, CudaStreamHandle stream) override;
  uint64_t pool_size() const override;

 private:
  // The CUDA pool and its bookkeeping; memory held by messages keeps it alive.
  struct Pool {
    CudaMemPoolHandle pool = nullptr;
    CudaStreamHandle stream = nullptr;  // for the synchronous allocate()/free()
    uint64_t max_size = 0;
    mutable std::mutex mutex;
    std::unordered_map<void*, uint64_t> allocations;
    uint64_t used = 0;
    ~Pool();
    gxf_result_t allocate(uint64_t size, CudaStreamHandle on_stream, void** pointer);
    gxf_result_t release(void* pointer, CudaStreamHandle on_stream, bool wait);
  };

  Parameter<std::string> release_threshold_;
  Parameter<std::string> device_memory_initial_size_;
  Parameter<std::string> device_memory_max_size_;
  std::shared_ptr<Pool> pool_;
};

// Bytes in a size string such as "16MB" (units B, KB, MB, GB, TB; 1024-based); -1 if invalid.
int64_t parse_storage_size(const std::string& text);

}  // namespace gxf
}  // namespace nvidia
