// SPDX-License-Identifier: Apache-2.0
#include "gxf/benchmark/entity_buffer.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

gxf_result_t EntityBuffer::register_interface(Registrar* registrar) {
  registrar->parameter(receiver_, "receiver", "Entity buffer receiver",
                       "Receiver to get message entities for buffering");
  return GXF_SUCCESS;
}

gxf_result_t EntityBuffer::tick() {
  EntityRef message = receiver_->receive();
  if (!message) {
    return fail(GXF_CONTRACT_MESSAGE_NOT_AVAILABLE, "no message available on 'receiver'");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (!is_full_locked()) buffer_.push_back(std::move(message));
  return GXF_SUCCESS;
}

gxf_result_t EntityBuffer::stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  buffer_.clear();
  return GXF_SUCCESS;
}

void EntityBuffer::set_max_buffer_size(size_t size) {
  std::lock_guard<std::mutex> lock(mutex_);
  max_size_ = size;
}

bool EntityBuffer::is_buffer_full() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return is_full_locked();
}

size_t EntityBuffer::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return buffer_.size();
}

EntityRef EntityBuffer::at_cyclic(size_t index) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (buffer_.empty()) return EntityRef();
  return buffer_[index % buffer_.size()];
}

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
