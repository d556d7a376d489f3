// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/broadcast.hpp"

#include "gxf/core/entity.hpp"
#include "gxf/core/logger.hpp"

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
    GXF_LOG_ERROR("%s: mode must be Broadcast or RoundRobin, got '%s'", describe().c_str(),
                  mode_.get().c_str());
    return GXF_ARGUMENT_INVALID;
  }
  return GXF_SUCCESS;
}

gxf_result_t Broadcast::start() {
  transmitters_ = entity()->find_all<Transmitter>();
  next_ = 0;
  if (transmitters_.empty()) {
    GXF_LOG_ERROR("%s: its entity has no transmitter to broadcast to", describe().c_str());
    return GXF_ENTITY_COMPONENT_NOT_FOUND;
  }
  return GXF_SUCCESS;
}

gxf_result_t Broadcast::tick() {
  EntityRef message = source_->receive();
  if (!message) {
    GXF_LOG_ERROR("%s: no message to broadcast", describe().c_str());
    return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
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
