// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/storage.hpp"

#include <cstdlib>
#include <cstring>

#include "gxf/core/logger.hpp"
#include "gxf/std/gems/cuda_driver/cuda_driver.hpp"

namespace nvidia {
namespace gxf {

namespace {

constexpr size_t kAlignment = 256;

gxf_result_t heap_allocate(size_t size, void** pointer) {
  size_t rounded = size == 0 ? kAlignment : ((size + kAlignment - 1) / kAlignment) * kAlignment;
  *pointer = std::aligned_alloc(kAlignment, rounded);
  return *pointer ? GXF_SUCCESS : GXF_OUT_OF_MEMORY;
}

}  // namespace

gxf_result_t allocate_storage(MemoryStorageType type, size_t size, int device, void** pointer) {
  CudaDriver& cuda = CudaDriver::instance();
  switch (type) {
    case MemoryStorageType::kSystem:
      return heap_allocate(size, pointer);
    case MemoryStorageType::kHost:
      return cuda.available() ? cuda.pinned_alloc(size, pointer) : heap_allocate(size, pointer);
    case MemoryStorageType::kDevice:
      if (!cuda.available()) {
        GXF_LOG_ERROR("device memory requested, but CUDA is unavailable: %s",
                      cuda.unavailable_reason().c_str());
        return GXF_MEMORY_INVALID_STORAGE_MODE;
      }
      return cuda.device_alloc(device, size, pointer);
  }
  return GXF_ARGUMENT_INVALID;
}

void free_storage(MemoryStorageType type, void* pointer) {
  if (!pointer) return;
  CudaDriver& cuda = CudaDriver::instance();
  switch (type) {
    case MemoryStorageType::kSystem:
      std::free(pointer);
      return;
    case MemoryStorageType::kHost:
      if (cuda.available()) {
        cuda.pinned_free(pointer);
      } else {
        std::free(pointer);
      }
      return;
    case MemoryStorageType::kDevice:
      cuda.device_free(pointer);
      return;
  }
}

gxf_result_t copy_storage(void* destination, MemoryStorageType destination_type,
                          const void* source, MemoryStorageType source_type, size_t size) {
  if (size == 0) return GXF_SUCCESS;
  if (!destination || !source) return GXF_ARGUMENT_NULL;
  if (destination_type != MemoryStorageType::kDevice &&
      source_type != MemoryStorageType::kDevice) {
    std::memcpy(destination, source, size);
    return GXF_SUCCESS;
  }
  CudaDriver& cuda = CudaDriver::instance();
  if (!cuda.available()) {
    GXF_LOG_ERROR("copy involving device memory, but CUDA is unavailable: %s",
                  cuda.unavailable_reason().c_str());
    return GXF_MEMORY_INVALID_STORAGE_MODE;
  }
  if (destination_type == MemoryStorageType::kDevice &&
      source_type != MemoryStorageType::kDevice) {
    return cuda.upload(destination, source, size);
  }
  return cuda.copy(destination, source, size);
}

const char* storage_type_name(MemoryStorageType type) {
  switch (type) {
    case MemoryStorageType::kHost: return "kHost";
    case MemoryStorageType::kDevice: return "kDevice";
    case MemoryStorageType::kSystem: return "kSystem";
  }
  return "unknown";
}

}  // namespace gxf
}  // namespace nvidia
