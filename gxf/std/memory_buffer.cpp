// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/memory_buffer.hpp"

#include <utility>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t MemoryBuffer::resize(Allocator* allocator, uint64_t size,
                                  MemoryStorageType storage_type) {
  free_buffer();
  if (!allocator) return GXF_ARGUMENT_NULL;
  void* pointer = nullptr;
  gxf_result_t code = allocator->allocate(size, storage_type, &pointer);
  if (code != GXF_SUCCESS) {
    GXF_LOG_ERROR("%s: failed to allocate %llu bytes of storage type %d: %s",
                  allocator->describe().c_str(), static_cast<unsigned long long>(size),
                  static_cast<int>(storage_type), result_str(code));
    return code;
  }
  wrap_shared(pointer, size, storage_type, allocator->own(pointer));
  return GXF_SUCCESS;
}

gxf_result_t MemoryBuffer::wrap_memory(void* pointer, uint64_t size,
                                       MemoryStorageType storage_type,
                                       release_function_t release) {
  std::shared_ptr<void> owner;
  if (release) {
    owner = std::shared_ptr<void>(pointer, [release = std::move(release)](void* memory) {
      release(memory);
    });
  }
  wrap_shared(pointer, size, storage_type, std::move(owner));
  return GXF_SUCCESS;
}

void MemoryBuffer::wrap_shared(void* pointer, uint64_t size, MemoryStorageType storage_type,
                               std::shared_ptr<void> owner) {
  owner_ = std::move(owner);  // the previous owner (if any) is released here
  pointer_ = static_cast<byte*>(pointer);
  size_ = size;
  storage_type_ = storage_type;
}

void MemoryBuffer::free_buffer() {
  owner_.reset();
  pointer_ = nullptr;
  size_ = 0;
}

}  // namespace gxf
}  // namespace nvidia
