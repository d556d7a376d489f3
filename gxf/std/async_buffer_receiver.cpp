// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/async_buffer_receiver.hpp"

namespace nvidia {
namespace gxf {

EntityRef AsyncBufferReceiver::receive() {
  std::lock_guard<SpinLock> lock(lock_);
  return latest_;
}

gxf_result_t AsyncBufferReceiver::push(const EntityRef& message) {
  EntityRef previous;  // released outside the lock: recycling may take other locks
  {
    std::lock_guard<SpinLock> lock(lock_);
    previous = std::move(latest_);
    latest_ = message;
  }
  return GXF_SUCCESS;
}

gxf_result_t AsyncBufferReceiver::deinitialize() {
  std::lock_guard<SpinLock> lock(lock_);
  latest_.reset();
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
