// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/forward.hpp"

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t Forward::register_interface(Registrar* registrar) {
  registrar->parameter(in_, "in", "Input", "Receiver to take messages from");
  registrar->parameter(out_, "out", "Output", "Transmitter to publish them on");
  return GXF_SUCCESS;
}

gxf_result_t Forward::tick() {
  EntityRef message = in_->receive();
  if (!message) {
    GXF_LOG_ERROR("%s: no message to forward", describe().c_str());
    return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  }
  return out_->publish(message);
}

}  // namespace gxf
}  // namespace nvidia
