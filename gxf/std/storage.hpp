// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

#include "gxf/core/result.hpp"
#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {

// Raw memory of each storage type, for allocators: kSystem from the heap, kHost pinned through
// CUDA when available (heap otherwise), kDevice through CUDA (GXF_MEMORY_INVALID_STORAGE_MODE
// without a GPU). Memory is aligned to 256 bytes, like CUDA's allocations.
gxf_result_t allocate_storage(MemoryStorageType type, size_t size, int device, void** pointer);
// Gives back memory from allocate_storage() of the same type.
void free_storage(MemoryStorageType type, void* pointer);

// Copies `size` bytes between memory of any storage types (device memory through CUDA).
gxf_result_t copy_storage(void* destination, MemoryStorageType destination_type,
                          const void* source, MemoryStorageType source_type, size_t size);

// "kHost" etc.
const char* storage_type_name(MemoryStorageType type);

}  // namespace gxf
}  // namespace nvidia
