// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/timed_throttler.hpp"

#include "gxf/std/timestamp.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t TimedThrottler::register_interface(Registrar* registrar) {
  registrar->parameter(transmitter_, "transmitter", "Transmitter",
                       "Where messages are published at their time");
  registrar->parameter(receiver_, "receiver", "Receiver", "Messages to throttle");
  registrar->parameter(execution_clock_, "execution_clock", "Execution clock",
                       "Clock the scheduler runs this codelet on");
  registrar->parameter(throttling_clock_, "throttling_clock", "Throttling clock",
                       "Clock the message timestamps were taken on");
  registrar->parameter(scheduling_term_, "scheduling_term", "Scheduling term",
                       "Target-time term that schedules this codelet");
  return GXF_SUCCESS;
}

gxf_result_t TimedThrottler::initialize() {
  time_offset_ = execution_clock_->timestamp() - throttling_clock_->timestamp();
  cached_.reset();
  (void)scheduling_term_->set_next_target_time(execution_clock_->timestamp());
  return GXF_SUCCESS;
}

gxf_result_t TimedThrottler::tick() {
  if (cached_) {
    EntityRef message = std::move(cached_);
    cached_.reset();
    gxf_result_t code = transmitter_->publish(message);
    if (code != GXF_SUCCESS) return code;
  }
  EntityRef next = receiver_->receive();
  if (!next) {
    return fail(GXF_FAILURE, "no message to throttle");
  }
  Timestamp* timestamp = next->find<Timestamp>();
  if (!timestamp) {
    return fail(GXF_ENTITY_COMPONENT_NOT_FOUND, "message carries no Timestamp");
  }
  timestamp->acqtime += time_offset_;
  timestamp->pubtime += time_offset_;
  cached_ = std::move(next);
  // A target earlier than the current one is refused (and logged) by the term; the message
  // then goes out at the next tick, as in GXF.
  (void)scheduling_term_->set_next_target_time(timestamp->acqtime);
  return GXF_SUCCESS;
}

gxf_result_t TimedThrottler::stop() {
  cached_.reset();
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
