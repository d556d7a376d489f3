// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/double_buffer_receiver.hpp"

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t DoubleBufferReceiver::register_interface(Registrar* registrar) {
  return parameters_.register_with(registrar);
}

gxf_result_t DoubleBufferReceiver::initialize() { return parameters_.configure(*this, &queue_); }

gxf_result_t DoubleBufferReceiver::deinitialize() {
  std::lock_guard<SpinLock> lock(mutex_);
  if (queue_.size() > 0) {
    GXF_LOG_WARNING("%s: %zu unreceived message(s) dropped at deinitialize", describe().c_str(),
                    queue_.size());
  }
  queue_.clear();
  return GXF_SUCCESS;
}

EntityRef DoubleBufferReceiver::receive() {
  EntityRef message;
  std::lock_guard<SpinLock> lock(mutex_);
  queue_.pop(&message);
  return message;
}

gxf_result_t DoubleBufferReceiver::push(const EntityRef& message) {
  std::lock_guard<SpinLock> lock(mutex_);
  if (!queue_.push(message)) {
    return queue_.policy() == OverflowPolicy::kFault ? GXF_EXCEEDING_PREALLOCATED_SIZE
                                                      : GXF_SUCCESS;
  }
  return GXF_SUCCESS;
}

EntityRef DoubleBufferReceiver::peek(size_t index) const {
  std::lock_guard<SpinLock> lock(mutex_);
  const EntityRef* message = queue_.peek(index);
  return message ? *message : EntityRef();
}

EntityRef DoubleBufferReceiver::peek_back(size_t index) const {
  std::lock_guard<SpinLock> lock(mutex_);
  const EntityRef* message = queue_.peek_back(index);
  return message ? *message : EntityRef();
}

gxf_result_t DoubleBufferReceiver::sync() {
  std::lock_guard<SpinLock> lock(mutex_);
  return queue_.sync() ? GXF_SUCCESS : GXF_EXCEEDING_PREALLOCATED_SIZE;
}

// Unlocked: the queue publishes its sizes (see StagingQueue).
size_t DoubleBufferReceiver::size() const { return queue_.size(); }

size_t DoubleBufferReceiver::back_size() const { return queue_.back_size(); }

}  // namespace gxf
}  // namespace nvidia
