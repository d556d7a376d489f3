// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include "gxf/core/parameter.hpp"
#include "gxf/cuda/cuda_allocator.hpp"
#include "gxf/cuda/stream_ordered_pool.hpp"

namespace nvidia {
namespace gxf {

// Device memory from a CUDA stream-ordered memory pool (cudaMallocFromPoolAsync) on GPU 0.
// Sizes are strings with a unit (KB, MB, GB, TB, 1024-based; a bare number or "B" means MB,
// as in GXF): the pool keeps up to
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
  Parameter<std::string> release_threshold_;
  Parameter<std::string> device_memory_initial_size_;
  Parameter<std::string> device_memory_max_size_;
  std::shared_ptr<StreamOrderedPool> pool_;
};

}  // namespace gxf
}  // namespace nvidia
