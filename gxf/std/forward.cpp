// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/forward.hpp"

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
    return fail(GXF_CONTRACT_MESSAGE_NOT_AVAILABLE, "no message to forward");
  }
  return out_->publish(message);
}

}  // namespace gxf
}  // namespace nvidia
