// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/handle.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/serialization/endpoint.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/std/memory_buffer.hpp"

namespace nvidia {
namespace gxf {

// An endpoint in memory: writes append, reads consume from the front. Starts with
// `buffer_size` bytes from `allocator` and grows (doubling) when a write does not fit, where
// GXF's fails with GXF_EXCEEDING_PREALLOCATED_SIZE; one buffer then serves tensors of any size.
// Used by one codelet (or one connection) at a time.
class SerializationBuffer : public Endpoint {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  Expected<size_t> write(const void* data, size_t size) override;
  Expected<size_t> read(void* data, size_t size) override;
  uint64_t readable() const override { return write_offset_ - read_offset_; }

  // Empties the buffer (keeps its memory).
  virtual void reset() { write_offset_ = read_offset_ = 0; }
  // Bytes written so far.
  uint64_t size() const { return write_offset_; }
  uint64_t capacity() const { return buffer_.size(); }
  const uint8_t* bytes() const { return buffer_.pointer(); }
  // Makes room for `size` bytes in all and marks them written, for a transport that fills the
  // memory itself (a received message); returns where to put them.
  Expected<uint8_t*> fill(uint64_t size);

 protected:
  Parameter<Handle<Allocator>> allocator_;
  Parameter<uint64_t> buffer_size_;
  Parameter<int32_t> storage_type_;

 private:
  Result reserve(uint64_t size);

  MemoryBuffer buffer_;
  uint64_t write_offset_ = 0;
  uint64_t read_offset_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
