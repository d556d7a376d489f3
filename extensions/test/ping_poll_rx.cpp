// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/ping_poll_rx.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t PingPollRx::register_interface(Registrar* registrar) {
  registrar->parameter(signal_, "signal", "Signal", "Receiver to poll");
  registrar->parameter(expected_counter_, "expected_counter", "Expected counter",
                       "Messages that must have arrived by stop()");
  return GXF_SUCCESS;
}

gxf_result_t PingPollRx::start() {
  counter_ = 0;
  return GXF_SUCCESS;
}

gxf_result_t PingPollRx::tick() {
  if (signal_->receive()) ++counter_;
  return GXF_SUCCESS;
}

gxf_result_t PingPollRx::stop() {
  if (counter_ == expected_counter_.get()) return GXF_SUCCESS;
  return fail(GXF_FAILURE, "counter does not match: %lu vs %lu",
              static_cast<unsigned long>(counter_),
              static_cast<unsigned long>(expected_counter_.get()));
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
