// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>
#include <vector>

#include "gxf/core/entity.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/cuda/cuda_stream.hpp"
#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {

// Hands out CUDA streams (stream_flags, stream_priority) on GPU 0 (GXF takes the GPU from a
// GPUDevice resource; one GPU is all this engine drives yet): `reserved_size` are created
// at initialize(), more on demand up to `max_size` (0: unlimited). Each stream lives in its own
// entity so messages can name it by component id. Needs CUDA: initialize() fails without it.
class CudaStreamPool : public Allocator {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  // A stream for the caller's exclusive use until release_stream().
  Expected<CudaStream*> allocate_stream();
  gxf_result_t release_stream(CudaStream* stream);

  // Allocator interface: `size` counts streams.
  bool is_available(uint64_t size) const override;
  gxf_result_t allocate(uint64_t size, MemoryStorageType type, void** pointer) override;
  gxf_result_t free(void* pointer) override;

 private:
  Expected<CudaStream*> create_stream();

  Parameter<uint32_t> stream_flags_;
  Parameter<int32_t> stream_priority_;
  Parameter<uint32_t> reserved_size_;
  Parameter<uint32_t> max_size_;

  mutable std::mutex mutex_;
  std::vector<EntityRef> entities_;      // one per stream created, keeps it alive
  std::vector<CudaStream*> available_;  // streams not handed out
  size_t in_use_ = 0;
  bool initialized_ = false;
};

}  // namespace gxf
}  // namespace nvidia
