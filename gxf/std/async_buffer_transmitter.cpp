// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/async_buffer_transmitter.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t AsyncBufferTransmitter::publish(const EntityRef& message) {
  if (!message) return GXF_ARGUMENT_NULL;
  std::lock_guard<SpinLock> lock(lock_);
  slot_ = message;
  return GXF_SUCCESS;
}

bool AsyncBufferTransmitter::pop(EntityRef* message) {
  std::lock_guard<SpinLock> lock(lock_);
  if (!slot_) return false;
  *message = std::move(slot_);
  slot_.reset();
  return true;
}

size_t AsyncBufferTransmitter::size() const {
  std::lock_guard<SpinLock> lock(lock_);
  return slot_ ? 1 : 0;
}

gxf_result_t AsyncBufferTransmitter::deinitialize() {
  std::lock_guard<SpinLock> lock(lock_);
  slot_.reset();
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
