// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/staging_buffer.hpp"

#include "gxf/std/storage.hpp"

namespace nvidia {
namespace gxf {

StagingBuffer::~StagingBuffer() { release(); }

void StagingBuffer::release() {
  free_storage(MemoryStorageType::kHost, data_);
  data_ = nullptr;
  capacity_ = 0;
}

void* StagingBuffer::reserve(size_t size) {
  if (size <= capacity_ && data_) return data_;
  release();
  const size_t capacity = size < 4096 ? 4096 : size + size / 2;
  if (allocate_storage(MemoryStorageType::kHost, capacity, 0, &data_) != GXF_SUCCESS) {
    data_ = nullptr;
    return nullptr;
  }
  capacity_ = capacity;
  return data_;
}

}  // namespace gxf
}  // namespace nvidia
