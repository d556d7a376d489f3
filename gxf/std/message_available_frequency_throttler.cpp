// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/message_available_frequency_throttler.hpp"

#include "gxf/std/scheduling_terms.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t MessageAvailableFrequencyThrottler::register_interface(Registrar* registrar) {
  registrar->parameter(execution_frequency_, "execution_frequency", "Execution frequency",
                       "Least time between ticks: nanoseconds, or a number with ns/us/ms/s/Hz");
  registrar->parameter(receivers_, "receivers", "Receivers", "Queues whose messages allow a tick");
  registrar->parameter(sampling_mode_, "sampling_mode", "Sampling mode", "SumOfAll or PerReceiver");
  registrar->parameter(min_sizes_, "min_sizes", "Minimum sizes",
                       "Messages needed on each receiver (PerReceiver)", kParameterFlagsOptional);
  registrar->parameter(min_sum_, "min_sum", "Minimum sum",
                       "Messages needed over all receivers (SumOfAll)", kParameterFlagsOptional);
  return GXF_SUCCESS;
}

gxf_result_t MessageAvailableFrequencyThrottler::initialize() {
  auto period = parse_period(execution_frequency_.get());
  if (!period) {
    return fail(period.error().code, "%s", period.error().message.c_str());
  }
  period_ns_ = period.value();
  const std::string& mode = sampling_mode_.get();
  if (mode == "SumOfAll") {
    per_receiver_ = false;
    if (!min_sum_.is_set()) {
      return fail(GXF_PARAMETER_NOT_INITIALIZED,
                  "'min_sum' must be set for sampling_mode SumOfAll");
    }
  } else if (mode == "PerReceiver") {
    per_receiver_ = true;
    if (!min_sizes_.is_set()) {
      return fail(GXF_PARAMETER_NOT_INITIALIZED,
                  "'min_sizes' must be set for sampling_mode PerReceiver");
    }
    if (min_sizes_.get().size() != receivers_.get().size()) {
      return fail(GXF_PARAMETER_OUT_OF_RANGE,
                  "min_sizes needs one entry per receiver (%zu), got %zu", receivers_.get().size(),
                  min_sizes_.get().size());
    }
  } else {
    return fail(GXF_PARAMETER_OUT_OF_RANGE, "unknown sampling_mode '%s' (SumOfAll or PerReceiver)",
                mode.c_str());
  }
  has_run_ = false;
  state_ = SchedulingConditionType::kWait;
  last_change_ = 0;
  return GXF_SUCCESS;
}

bool MessageAvailableFrequencyThrottler::enough_messages() const {
  const auto& receivers = receivers_.get();
  if (per_receiver_) {
    const auto& min_sizes = min_sizes_.get();
    for (size_t i = 0; i < receivers.size(); ++i) {
      if (receivers[i]->size() + receivers[i]->back_size() < min_sizes[i]) return false;
    }
    return true;
  }
  uint64_t sum = 0;
  for (const auto& receiver : receivers) sum += receiver->size() + receiver->back_size();
  return sum >= min_sum_.get();
}

gxf_result_t MessageAvailableFrequencyThrottler::update_state(int64_t now) {
  int64_t target = has_run_ ? last_run_ + period_ns_ : period_ns_;
  SchedulingConditionType next = target <= now || enough_messages()
                                     ? SchedulingConditionType::kReady
                                     : SchedulingConditionType::kWait;
  if (next != state_) {
    state_ = next;
    last_change_ = now;
  }
  return GXF_SUCCESS;
}

gxf_result_t MessageAvailableFrequencyThrottler::check(int64_t now,
                                                       SchedulingCondition* condition) {
  *condition = {state_, last_change_};
  return GXF_SUCCESS;
}

gxf_result_t MessageAvailableFrequencyThrottler::on_execute(int64_t now) {
  has_run_ = true;
  last_run_ = now;
  return update_state(now);
}

}  // namespace gxf
}  // namespace nvidia
