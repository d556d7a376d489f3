// SPDX-License-Identifier: Apache-2.0
#include "gxf/ucx/ucx_serialization_buffer.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t UcxSerializationBuffer::register_interface(Registrar* registrar) {
  registrar->parameter(allocator_, "allocator", "Allocator", "Memory allocator");
  registrar->parameter(buffer_size_, "buffer_size", "Buffer Size",
                       "Size of the buffer in bytes (4kB by default)", uint64_t{1} << 12);
  // Headers are read and written by the CPU: always system memory (not a parameter in GXF).
  storage_type_.set(static_cast<int32_t>(MemoryStorageType::kSystem));
  return GXF_SUCCESS;
}

void UcxSerializationBuffer::reset() {
  SerializationBuffer::reset();
  iov_.clear();
  on_device_.clear();
  device_parts_ = 0;
  data_size_ = 0;
  expected_data_ = 0;
  memory_type_ = ucx::UCS_MEMORY_TYPE_HOST;
}

void UcxSerializationBuffer::write_pointer(void* pointer, size_t size,
                                           MemoryStorageType storage_type) {
  if (size == 0) return;  // nothing travels for empty tensors
  iov_.push_back({pointer, size});
  on_device_.push_back(storage_type == MemoryStorageType::kDevice);
  data_size_ += size;
  if (storage_type == MemoryStorageType::kDevice) {
    memory_type_ = ucx::UCS_MEMORY_TYPE_CUDA;
    ++device_parts_;
  }
}

}  // namespace gxf
}  // namespace nvidia
