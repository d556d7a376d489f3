// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/async_ping_rx.hpp"

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t AsyncPingRx::register_interface(Registrar* registrar) {
  registrar->parameter(delay_, "delay", "Delay [ms]", "Time between event and next tick",
                       int64_t{10});
  registrar->parameter(signal_, "signal", "Signal", "Receiver to take messages from");
  registrar->parameter(scheduling_term_, "scheduling_term", "Scheduling term",
                       "The asynchronous term this codelet drives");
  return GXF_SUCCESS;
}

gxf_result_t AsyncPingRx::start() {
  pump_.start(scheduling_term_.get().get(), delay_.get());
  return GXF_SUCCESS;
}

gxf_result_t AsyncPingRx::tick() {
  if (signal_->size() == 0) {
    GXF_LOG_DEBUG("%s: no message to read", describe().c_str());
    return GXF_SUCCESS;
  }
  if (!signal_->receive()) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  scheduling_term_->set_event_state(AsynchronousEventState::kEventWaiting);
  return GXF_SUCCESS;
}

gxf_result_t AsyncPingRx::stop() {
  pump_.stop();
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
