// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "gxf/core/result.hpp"
#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {

using byte = unsigned char;

// Memory a tensor points into, with shared ownership of whatever keeps it alive: an
// allocator block, a Python array, a DLPack producer. Copies of a MemoryBuffer (tensors
// handed to Python, DLPack exports) share that owner, so the memory stays valid until the last
// of them lets go, whatever happens to the message it came in.
class MemoryBuffer {
 public:
  // Gives the memory at `pointer` back; runs once, when the last holder drops it.
  using release_function_t = std::function<void(void* pointer)>;

  MemoryBuffer() = default;

  // Frees what this buffer holds, then takes `size` bytes of `storage_type` from `allocator`.
  gxf_result_t resize(Allocator* allocator, uint64_t size, MemoryStorageType storage_type);
  // Points at memory someone else allocated; `release` (may be empty) runs when the last
  // holder drops it.
  gxf_result_t wrap_memory(void* pointer, uint64_t size, MemoryStorageType storage_type,
                           release_function_t release);
  // Points at `pointer` inside memory kept alive by `owner` (shared with other buffers).
  void wrap_shared(void* pointer, uint64_t size, MemoryStorageType storage_type,
                   std::shared_ptr<void> owner);
  // Drops this buffer's hold on its memory.
  void free_buffer();

  byte* pointer() const { return pointer_; }
  uint64_t size() const { return size_; }
  MemoryStorageType storage_type() const { return storage_type_; }
  // What keeps the memory alive; share it to keep the memory beyond this buffer.
  const std::shared_ptr<void>& owner() const { return owner_; }

 private:
  byte* pointer_ = nullptr;
  uint64_t size_ = 0;
  MemoryStorageType storage_type_ = MemoryStorageType::kHost;
  std::shared_ptr<void> owner_;
};

}  // namespace gxf
}  // namespace nvidia
