// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/test_timestamp_tx.hpp"

#include "gxf/core/context.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t TestTimestampTx::register_interface(Registrar* registrar) {
  registrar->parameter(delay_, "delay", "Delay [ns]", "Time between messages");
  registrar->parameter(execution_clock_, "execution_clock", "Execution clock",
                       "Clock the schedule and the timestamps come from");
  registrar->parameter(offset_clock_, "offset_clock", "Offset clock", "Unused",
                       kParameterFlagsOptional);
  registrar->parameter(signal_, "signal", "Signal", "Transmitter to publish on");
  registrar->parameter(scheduling_term_, "scheduling_term", "Scheduling term",
                       "Target-time term that schedules this codelet");
  return GXF_SUCCESS;
}

gxf_result_t TestTimestampTx::start() {
  (void)scheduling_term_->set_next_target_time(execution_clock_->timestamp());
  return GXF_SUCCESS;
}

gxf_result_t TestTimestampTx::tick() {
  EntityRef message = context()->create_message();
  const int64_t now = execution_clock_->timestamp();
  (void)scheduling_term_->set_next_target_time(now + delay_.get());
  (void)signal_->publish(message, now);
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
