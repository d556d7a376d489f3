// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/async_ping_tx.hpp"

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t AsyncPingTx::register_interface(Registrar* registrar) {
  registrar->parameter(delay_, "delay", "Delay [ms]", "Time between event and next tick",
                       int64_t{10});
  registrar->parameter(signal_, "signal", "Signal", "Transmitter to publish on");
  registrar->parameter(count_, "count", "Count", "Ticks before the term says EVENT_NEVER (0: never)",
                       uint64_t{0});
  registrar->parameter(scheduling_term_, "scheduling_term", "Scheduling term",
                       "The asynchronous term this codelet drives");
  return GXF_SUCCESS;
}

gxf_result_t AsyncPingTx::start() {
  ticks_ = 0;
  pump_.start(scheduling_term_.get().get(), delay_.get());
  return GXF_SUCCESS;
}

gxf_result_t AsyncPingTx::tick() {
  ++ticks_;
  scheduling_term_->set_event_state(ticks_ == count_.get() ? AsynchronousEventState::kEventNever
                                                           : AsynchronousEventState::kEventWaiting);
  gxf_result_t code = signal_->publish(context()->create_message());
  if (code != GXF_SUCCESS) {
    GXF_LOG_WARNING("%s: publish failed: %s", describe().c_str(), result_str(code));
  }
  return GXF_SUCCESS;
}

gxf_result_t AsyncPingTx::stop() {
  pump_.stop();
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
