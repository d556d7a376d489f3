// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/broadcast.hpp"

#include "gxf/core/entity.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t Broadcast::register_interface(Registrar* registrar) {
  registrar->parameter(source_, "source", "Source", "Receiver to take messages from");
  registrar->parameter(mode_, "mode", "Mode", "Broadcast or RoundRobin", std::string("Broadcast"));
  return GXF_SUCCESS;
}

gxf_result_t Broadcast::initialize() {
  if (mode_.get() == "Broadcast") {
    round_robin_ = false;
  } else if (mode_.get() == "RoundRobin") {
    round_robin_ = true;
  } else {
    return fail(GXF_ARGUMENT_INVALID, "mode must be Broadcast or RoundRobin, got '%s'",
                mode_.get().c_str());
  }
  return GXF_SUCCESS;
}

gxf_result_t Broadcast::start() {
  transmitters_ = entity()->find_all<Transmitter>();
  next_ = 0;
  if (transmitters_.empty()) {
    return fail(GXF_ENTITY_COMPONENT_NOT_FOUND, "its entity has no transmitter to broadcast to");
  }
  return GXF_SUCCESS;
}

gxf_result_t Broadcast::tick() {
  EntityRef message = source_->receive();
  if (!message) {
    return fail(GXF_CONTRACT_MESSAGE_NOT_AVAILABLE, "no message to broadcast");
  }
  if (round_robin_) {
    Transmitter* transmitter = transmitters_[next_];
    next_ = (next_ + 1) % transmitters_.size();
    return transmitter->publish(message);
  }
  for (Transmitter* transmitter : transmitters_) {
    gxf_result_t code = transmitter->publish(message);
    if (code != GXF_SUCCESS) return code;
  }
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
