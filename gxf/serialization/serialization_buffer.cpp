// SPDX-License-Identifier: Apache-2.0
#include "gxf/serialization/serialization_buffer.hpp"

#include <algorithm>
#include <cstring>
#include <string>

namespace nvidia {
namespace gxf {

gxf_result_t SerializationBuffer::register_interface(Registrar* registrar) {
  registrar->parameter(allocator_, "allocator", "Allocator", "Memory allocator");
  registrar->parameter(buffer_size_, "buffer_size", "Buffer Size",
                       "Initial size of the buffer in bytes (4kB by default)", uint64_t{1} << 12);
  registrar->parameter(storage_type_, "storage_type", "Storage type",
                       "The initial memory storage type used by this buffer (kSystem by default)",
                       int32_t{2});
  return GXF_SUCCESS;
}

gxf_result_t SerializationBuffer::initialize() {
  const int32_t storage = storage_type_.get();
  // Writes and reads are memcpy, so the buffer must be host-addressable.
  if (storage != static_cast<int32_t>(MemoryStorageType::kHost) &&
      storage != static_cast<int32_t>(MemoryStorageType::kSystem)) {
    return fail(GXF_PARAMETER_OUT_OF_RANGE,
                "storage_type must be 0 (host) or 2 (system) for a serialization buffer, got %d",
                static_cast<int>(storage));
  }
  reset();
  const gxf_result_t code = buffer_.resize(allocator_.get().get(), buffer_size_.get(),
                                           static_cast<MemoryStorageType>(storage));
  if (code != GXF_SUCCESS) {
    return fail(code, "cannot allocate the %llu-byte buffer",
                static_cast<unsigned long long>(buffer_size_.get()));
  }
  return GXF_SUCCESS;
}

gxf_result_t SerializationBuffer::deinitialize() {
  buffer_.free_buffer();
  reset();
  return GXF_SUCCESS;
}

Result SerializationBuffer::reserve(uint64_t size) {
  if (size <= buffer_.size()) return Result();
  const uint64_t grown = std::max<uint64_t>(size, buffer_.size() * 2);
  MemoryBuffer bigger;
  const gxf_result_t code =
      bigger.resize(allocator_.get().get(), grown, buffer_.storage_type());
  if (code != GXF_SUCCESS) {
    return make_error(code, describe() + ": cannot grow the buffer to " +
                                std::to_string(grown) + " bytes");
  }
  if (write_offset_ > 0) std::memcpy(bigger.pointer(), buffer_.pointer(), write_offset_);
  buffer_ = std::move(bigger);
  return Result();
}

Expected<size_t> SerializationBuffer::write(const void* data, size_t size) {
  if (size > buffer_.size() - write_offset_) {
    Result grown = reserve(write_offset_ + size);
    if (!grown) return grown.error();
  }
  if (size > 0) std::memcpy(buffer_.pointer() + write_offset_, data, size);
  write_offset_ += size;
  return size;
}

Expected<size_t> SerializationBuffer::read(void* data, size_t size) {
  if (size > write_offset_ - read_offset_) {
    return make_error(GXF_EXCEEDING_PREALLOCATED_SIZE,
                      "read of " + std::to_string(size) + " bytes past the end of the data (" +
                          std::to_string(write_offset_ - read_offset_) + " bytes left)");
  }
  if (size > 0) std::memcpy(data, buffer_.pointer() + read_offset_, size);
  read_offset_ += size;
  return size;
}

Expected<uint8_t*> SerializationBuffer::fill(uint64_t size) {
  SerializationBuffer::reset();
  Result room = reserve(size);
  if (!room) return room.error();
  write_offset_ = size;
  return buffer_.pointer();
}

}  // namespace gxf
}  // namespace nvidia
