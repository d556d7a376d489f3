// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "gxf/core/parameter.hpp"
#include "gxf/cuda/cuda_allocator.hpp"
#include "gxf/cuda/stream_ordered_pool.hpp"

namespace nvidia {
namespace gxf {

// GXF's RMM allocator (libgxf_rmm.so): device memory from a stream-ordered pool and pinned host
// memory, each capped at its `*_max_size` (sizes as "16MB"). GXF builds it on RAPIDS Memory
// Manager pools; this engine uses the CUDA driver's own memory pools for the device side and
// page-locked allocations for the host side, with the same limits and interface. kSystem
// memory is not supported; is_available() answers true, as GXF's does.
class RMMAllocator : public CudaAllocator {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  bool is_available(uint64_t size) const override { return device_ != nullptr; }
  gxf_result_t allocate(uint64_t size, MemoryStorageType type, void** pointer) override;
  gxf_result_t free(void* pointer) override;
  std::shared_ptr<void> own(void* pointer) override;
  gxf_result_t allocate_async(uint64_t size, CudaStreamHandle stream, void** pointer) override;
  gxf_result_t free_async(void* pointer, CudaStreamHandle stream) override;
  uint64_t pool_size() const override;

 private:
  // Pinned host allocations within a byte limit; shared with the memory it hands out.
  struct HostPool {
    uint64_t max_size = 0;
    std::mutex mutex;
    std::unordered_map<void*, uint64_t> allocations;
    uint64_t used = 0;
    gxf_result_t allocate(uint64_t size, void** pointer);
    gxf_result_t release(void* pointer);
    bool holds(void* pointer);
  };

  Parameter<std::string> device_memory_initial_size_;
  Parameter<std::string> device_memory_max_size_;
  Parameter<std::string> host_memory_initial_size_;
  Parameter<std::string> host_memory_max_size_;
  std::shared_ptr<StreamOrderedPool> device_;
  std::shared_ptr<HostPool> host_;
};

}  // namespace gxf
}  // namespace nvidia
