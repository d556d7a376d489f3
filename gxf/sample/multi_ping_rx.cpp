// SPDX-License-Identifier: Apache-2.0
#include "gxf/sample/multi_ping_rx.hpp"

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t MultiPingRx::register_interface(Registrar* registrar) {
  registrar->parameter(receivers_, "receivers", "Receivers", "Receivers to take pings from");
  return GXF_SUCCESS;
}

gxf_result_t MultiPingRx::tick() {
  for (const Handle<Receiver>& receiver : receivers_.get()) {
    if (receiver->size() == 0) continue;
    EntityRef message = receiver->receive();
    GXF_LOG_INFO("Message Received at [%s]", receiver->name().c_str());
    if (!message) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  }
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
