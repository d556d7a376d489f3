// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

#include "gxf/core/result.hpp"

namespace nvidia {
namespace gxf {

// Host scratch memory for copies to and from the GPU: page-locked when CUDA is available
// (copies from pinned memory skip the driver's bounce buffer), plain heap otherwise. Grows on
// demand and keeps its size, so per-message copies allocate nothing.
class StagingBuffer {
 public:
  StagingBuffer() = default;
  ~StagingBuffer();
  StagingBuffer(const StagingBuffer&) = delete;
  StagingBuffer& operator=(const StagingBuffer&) = delete;

  // At least `size` bytes; null when the memory cannot be had.
  void* reserve(size_t size);
  template <typename T>
  T* reserve_as(size_t count) {
    return static_cast<T*>(reserve(count * sizeof(T)));
  }
  void* data() const { return data_; }

 private:
  void release();

  void* data_ = nullptr;
  size_t capacity_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
