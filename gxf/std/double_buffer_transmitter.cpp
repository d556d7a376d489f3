// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/double_buffer_transmitter.hpp"

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t DoubleBufferTransmitter::register_interface(Registrar* registrar) {
  return parameters_.register_with(registrar);
}

gxf_result_t DoubleBufferTransmitter::initialize() { return parameters_.configure(*this, &queue_); }

gxf_result_t DoubleBufferTransmitter::deinitialize() {
  std::lock_guard<SpinLock> lock(mutex_);
  queue_.clear();
  return GXF_SUCCESS;
}

gxf_result_t DoubleBufferTransmitter::publish(const EntityRef& message) {
  if (!message) return GXF_ARGUMENT_NULL;
  std::lock_guard<SpinLock> lock(mutex_);
  if (!queue_.push(message)) return GXF_EXCEEDING_PREALLOCATED_SIZE;
  return GXF_SUCCESS;
}

bool DoubleBufferTransmitter::pop(EntityRef* message) {
  std::lock_guard<SpinLock> lock(mutex_);
  return queue_.pop(message);
}

gxf_result_t DoubleBufferTransmitter::sync() {
  std::lock_guard<SpinLock> lock(mutex_);
  return queue_.sync() ? GXF_SUCCESS : GXF_EXCEEDING_PREALLOCATED_SIZE;
}

// Unlocked: the queue publishes its sizes (see StagingQueue).
size_t DoubleBufferTransmitter::size() const { return queue_.size(); }

size_t DoubleBufferTransmitter::back_size() const { return queue_.back_size(); }

}  // namespace gxf
}  // namespace nvidia
