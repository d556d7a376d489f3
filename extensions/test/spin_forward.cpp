// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/spin_forward.hpp"

#include <chrono>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t SpinForward::register_interface(Registrar* registrar) {
  registrar->parameter(in_, "in", "Input", "Receiver to take messages from");
  registrar->parameter(out_, "out", "Output", "Transmitter to publish them on");
  registrar->parameter(spin_us_, "spin_us", "Spin [us]", "Busy time per tick", 20.0);
  return GXF_SUCCESS;
}

gxf_result_t SpinForward::tick() {
  using Steady = std::chrono::steady_clock;
  const auto until = Steady::now() + std::chrono::nanoseconds(
                                         static_cast<int64_t>(spin_us_.get() * 1000.0));
  while (Steady::now() < until) {
  }
  EntityRef message = in_->receive();
  if (!message) {
    GXF_LOG_ERROR("%s: no message to forward", describe().c_str());
    return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  }
  return out_->publish(message);
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
