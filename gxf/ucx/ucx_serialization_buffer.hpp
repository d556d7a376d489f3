// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/serialization/serialization_buffer.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/ucx/ucx_api.hpp"

namespace nvidia {
namespace gxf {

// The bytes of one UCX message in two parts, as GXF's UCX extension sends them: headers
// (entity, components, tensor headers) written into the buffer, which travel as the active
// message's header, and the tensors' memory, registered in place with write_pointer(), which
// travels as the message's data without a copy (and lands in the receiving tensors directly).
class UcxSerializationBuffer : public SerializationBuffer {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;

  void reset() override;
  // Adds `size` bytes at `pointer` to the message's data (sending), or as where the next
  // `size` bytes of received data go (receiving).
  void write_pointer(void* pointer, size_t size, MemoryStorageType storage_type);
  const std::vector<ucx::ucp_dt_iov_t>& data() const { return iov_; }
  uint64_t data_size() const { return data_size_; }
  // UCX's memory type for the data: device when any part is device memory.
  ucx::ucs_memory_type_t memory_type() const { return memory_type_; }
  // Whether part `index` of data() is device memory.
  bool on_device(size_t index) const { return on_device_[index]; }
  // Some parts in device memory, some not: UCX takes one memory type per message.
  bool mixed_memory() const {
    return memory_type_ == ucx::UCS_MEMORY_TYPE_CUDA && device_parts_ != iov_.size();
  }

  // Receiving: the message's data is `length` bytes; tensors announcing more are corrupt.
  void expect_data(uint64_t length) { expected_data_ = length; }
  uint64_t data_left() const { return expected_data_ > data_size_ ? expected_data_ - data_size_ : 0; }

  // Sequence number of the next message (per buffer, as in GXF).
  uint64_t sequence_number = 0;

 private:
  std::vector<ucx::ucp_dt_iov_t> iov_;
  std::vector<bool> on_device_;
  size_t device_parts_ = 0;
  uint64_t data_size_ = 0;
  uint64_t expected_data_ = 0;
  ucx::ucs_memory_type_t memory_type_ = ucx::UCS_MEMORY_TYPE_HOST;
};

}  // namespace gxf
}  // namespace nvidia
