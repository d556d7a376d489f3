// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/scheduled_ping_tx.hpp"

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/std/timestamp.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t ScheduledPingTx::register_interface(Registrar* registrar) {
  registrar->parameter(delay_, "delay", "Delay [ns]", "Time between pings");
  registrar->parameter(execution_clock_, "execution_clock", "Execution clock",
                       "Clock the schedule is set on");
  registrar->parameter(offset_clock_, "offset_clock", "Offset clock",
                       "Its time is added to the message timestamps", kParameterFlagsOptional);
  registrar->parameter(signal_, "signal", "Signal", "Transmitter to ping on");
  registrar->parameter(scheduling_term_, "scheduling_term", "Scheduling term",
                       "Target-time term that schedules this codelet");
  return GXF_SUCCESS;
}

gxf_result_t ScheduledPingTx::start() {
  (void)scheduling_term_->set_next_target_time(execution_clock_->timestamp());
  return GXF_SUCCESS;
}

gxf_result_t ScheduledPingTx::tick() {
  EntityRef message = context()->create_message();
  const int64_t target = execution_clock_->timestamp() + delay_.get();
  (void)scheduling_term_->set_next_target_time(target);
  Timestamp* timestamp = context()->add_message_component<Timestamp>(message.get(), "timestamp");
  if (!timestamp) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
  const int64_t offset = offset_clock_.is_set() ? offset_clock_->timestamp() : 0;
  timestamp->acqtime = offset + target;
  timestamp->pubtime = offset + target;
  // As in GXF, a refused publish (full queue) does not fail the tick.
  (void)signal_->publish(message);
  GXF_LOG_DEBUG("%s: message sent", describe().c_str());
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
