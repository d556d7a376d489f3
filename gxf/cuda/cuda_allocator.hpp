// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/std/gems/cuda_driver/cuda_driver.hpp"
#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {

// An allocator of device memory that can also allocate and free in stream order: the memory
// becomes usable (or reusable) when the work queued before on that stream is done.
class CudaAllocator : public Allocator {
 public:
  virtual gxf_result_t allocate_async(uint64_t size, CudaStreamHandle stream,
                                      void** pointer) = 0;
  virtual gxf_result_t free_async(void* pointer, CudaStreamHandle stream) = 0;
  // Bytes currently allocated from the pool.
  virtual uint64_t pool_size() const = 0;
};

}  // namespace gxf
}  // namespace nvidia
