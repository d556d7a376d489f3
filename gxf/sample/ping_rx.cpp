// SPDX-License-Identifier: Apache-2.0
#include "gxf/sample/ping_rx.hpp"

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t PingRx::register_interface(Registrar* registrar) {
  registrar->parameter(signal_, "signal", "Signal", "Receiver to take pings from");
  return GXF_SUCCESS;
}

gxf_result_t PingRx::start() {
  count_ = 0;
  return GXF_SUCCESS;
}

gxf_result_t PingRx::tick() {
  EntityRef message = signal_->receive();
  ++count_;
  GXF_LOG_INFO("Message Received: %ld", static_cast<long>(count_));
  if (!message) {
    return fail(GXF_CONTRACT_MESSAGE_NOT_AVAILABLE, "no message available");
  }
  return GXF_SUCCESS;
}

gxf_result_t HelloWorld::tick() {
  GXF_LOG_INFO("Hello world");
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
