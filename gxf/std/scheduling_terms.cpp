// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/scheduling_terms.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

namespace {

using T = SchedulingConditionType;

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void notify_runtime(Component* term, EventType event) {
  if (Runtime* runtime = term->context()->runtime()) {
    Result ignored = runtime->notify(term->eid(), event);
    (void)ignored;  // outside a run there is nobody to wake
  }
}

}  // namespace

Expected<int64_t> parse_period(const std::string& text) {
  const char* begin = text.c_str();
  char* end = nullptr;
  double value = std::strtod(begin, &end);
  if (end == begin) return make_error(GXF_ARGUMENT_INVALID, "period '" + text + "' is not a number");
  std::string unit = lowercase(std::string(end));
  if (!unit.empty() && unit[0] == ' ') unit = unit.substr(1);
  double ns;
  if (unit.empty()) {
    ns = value;
  } else if (unit == "ms") {
    ns = value * 1e6;
  } else if (unit == "us") {
    ns = value * 1e3;
  } else if (unit == "s") {
    ns = value * 1e9;
  } else if (unit == "hz") {
    ns = value > 0 ? 1e9 / value : 0;
  } else {
    return make_error(GXF_ARGUMENT_INVALID,
                      "period '" + text + "' has unknown unit (use ns, us, ms, s or Hz)");
  }
  if (!(ns > 0)) return make_error(GXF_ARGUMENT_INVALID, "period '" + text + "' must be > 0");
  // A target is the previous one plus the period: past this it would overflow.
  if (ns > static_cast<double>(kMaxTimeOffsetNs)) {
    return make_error(GXF_ARGUMENT_OUT_OF_RANGE,
                      "period '" + text + "' must be at most " + std::to_string(kMaxTimeOffsetNs) +
                          " ns (146 years)");
  }
  return static_cast<int64_t>(std::llround(ns));
}

// --- CountSchedulingTerm

gxf_result_t CountSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(count_, "count", "Count", "How many times the entity may tick");
  registrar->range(count_, 0, INT64_MAX);
  return GXF_SUCCESS;
}

gxf_result_t CountSchedulingTerm::initialize() {
  remaining_ = count_.get();
  return GXF_SUCCESS;
}

gxf_result_t CountSchedulingTerm::check(int64_t now, SchedulingCondition* condition) {
  *condition = remaining_ > 0 ? SchedulingCondition{T::kReady, now} : SchedulingCondition{T::kNever, 0};
  return GXF_SUCCESS;
}

gxf_result_t CountSchedulingTerm::on_execute(int64_t now) {
  if (remaining_ > 0) --remaining_;
  return GXF_SUCCESS;
}

// --- PeriodicSchedulingTerm

gxf_result_t PeriodicSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(recess_period_, "recess_period", "Recess period",
                       "Time between ticks: nanoseconds, or a number with ns/us/ms/s/Hz");
  registrar->parameter(policy_, "policy", "Policy",
                       "CatchUpMissedTicks, MinTimeBetweenTicks or NoCatchUpMissedTicks",
                       std::string("CatchUpMissedTicks"));
  return GXF_SUCCESS;
}

gxf_result_t PeriodicSchedulingTerm::initialize() {
  auto period = parse_period(recess_period_.get());
  if (!period) {
    return fail(period.error().code, "%s", period.error().message.c_str());
  }
  period_ns_ = period.value();
  const std::string& policy = policy_.get();
  if (policy == "CatchUpMissedTicks") {
    policy_value_ = Policy::kCatchUpMissedTicks;
  } else if (policy == "MinTimeBetweenTicks") {
    policy_value_ = Policy::kMinTimeBetweenTicks;
  } else if (policy == "NoCatchUpMissedTicks") {
    policy_value_ = Policy::kNoCatchUpMissedTicks;
  } else {
    return fail(GXF_ARGUMENT_INVALID, "unknown policy '%s'", policy.c_str());
  }
  has_target_ = false;
  return GXF_SUCCESS;
}

gxf_result_t PeriodicSchedulingTerm::check(int64_t now, SchedulingCondition* condition) {
  if (!has_target_ || now > next_target_) {
    *condition = {T::kReady, has_target_ ? next_target_ : now};
  } else {
    *condition = {T::kWaitTime, next_target_};
  }
  return GXF_SUCCESS;
}

gxf_result_t PeriodicSchedulingTerm::on_execute(int64_t now) {
  if (!has_target_) {
    has_target_ = true;
    first_target_ = now;
    next_target_ = now + period_ns_;
    return GXF_SUCCESS;
  }
  switch (policy_value_) {
    case Policy::kCatchUpMissedTicks:
      next_target_ += period_ns_;
      break;
    case Policy::kMinTimeBetweenTicks:
      next_target_ = now + period_ns_;
      break;
    case Policy::kNoCatchUpMissedTicks: {
      int64_t periods = (now - first_target_) / period_ns_ + 1;
      next_target_ = first_target_ + periods * period_ns_;
      break;
    }
  }
  return GXF_SUCCESS;
}

bool PeriodicSchedulingTerm::last_run_timestamp(int64_t* timestamp) const {
  if (!has_target_) return false;
  *timestamp = next_target_ - period_ns_;
  return true;
}

// --- TargetTimeSchedulingTerm

gxf_result_t TargetTimeSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(clock_, "clock", "Clock", "Clock the target times refer to");
  return GXF_SUCCESS;
}

gxf_result_t TargetTimeSchedulingTerm::initialize() {
  std::lock_guard<std::mutex> lock(mutex_);
  has_locked_ = false;
  has_pending_ = true;
  pending_target_ = clock_->timestamp();
  return GXF_SUCCESS;
}

gxf_result_t TargetTimeSchedulingTerm::set_next_target_time(int64_t target) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (has_locked_ && target < locked_target_) {
      return fail(GXF_ARGUMENT_INVALID, "target %ld is earlier than the current target %ld",
                  static_cast<long>(target), static_cast<long>(locked_target_));
    }
    has_pending_ = true;
    pending_target_ = target;
  }
  notify_runtime(this, EventType::kTimeUpdate);
  return GXF_SUCCESS;
}

gxf_result_t TargetTimeSchedulingTerm::update_state(int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (has_pending_) {
    has_locked_ = true;
    locked_target_ = pending_target_;
    has_pending_ = false;
  }
  return GXF_SUCCESS;
}

gxf_result_t TargetTimeSchedulingTerm::check(int64_t now, SchedulingCondition* condition) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!has_locked_) {
    *condition = {T::kWait, 0};
  } else if (locked_target_ > now) {
    *condition = {T::kWaitTime, locked_target_};
  } else {
    *condition = {T::kReady, locked_target_};
  }
  return GXF_SUCCESS;
}

gxf_result_t TargetTimeSchedulingTerm::on_execute(int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  has_locked_ = false;
  return GXF_SUCCESS;
}

// --- MessageAvailableSchedulingTerm

gxf_result_t MessageAvailableSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(receiver_, "receiver", "Receiver", "Queue to watch");
  registrar->parameter(min_size_, "min_size", "Minimum size", "Messages needed to tick",
                       uint64_t{1});
  registrar->parameter(front_stage_max_size_, "front_stage_max_size", "Front stage max size",
                       "Do not tick while the main stage holds more than this",
                       kParameterFlagsOptional);
  return GXF_SUCCESS;
}

gxf_result_t MessageAvailableSchedulingTerm::check(int64_t now, SchedulingCondition* condition) {
  Receiver* receiver = receiver_.get().get();
  size_t main_size = receiver->size();
  bool ready = main_size + receiver->back_size() >= min_size_.get();
  if (ready && front_stage_max_size_.is_set()) {
    ready = main_size <= front_stage_max_size_.get();
  }
  *condition = ready ? SchedulingCondition{T::kReady, now} : SchedulingCondition{T::kWait, 0};
  return GXF_SUCCESS;
}

// --- MultiMessageAvailableSchedulingTerm

gxf_result_t MultiMessageAvailableSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(receivers_, "receivers", "Receivers", "Queues to watch");
  registrar->parameter(sampling_mode_, "sampling_mode", "Sampling mode", "SumOfAll or PerReceiver",
                       std::string("SumOfAll"));
  registrar->parameter(min_sum_, "min_sum", "Minimum sum", "Messages needed over all receivers",
                       uint64_t{1}, kParameterFlagsOptional);
  registrar->parameter(min_sizes_, "min_sizes", "Minimum sizes", "Messages needed per receiver",
                       std::vector<uint64_t>{}, kParameterFlagsOptional);
  registrar->parameter(min_size_, "min_size", "Minimum size", "Deprecated alias of min_sum",
                       uint64_t{1});
  return GXF_SUCCESS;
}

gxf_result_t MultiMessageAvailableSchedulingTerm::initialize() {
  const std::string& mode = sampling_mode_.get();
  if (mode == "SumOfAll") {
    per_receiver_ = false;
  } else if (mode == "PerReceiver") {
    per_receiver_ = true;
    if (min_sizes_.get().size() != receivers_.get().size()) {
      return fail(GXF_ARGUMENT_INVALID, "min_sizes needs one entry per receiver (%zu), got %zu",
                  receivers_.get().size(), min_sizes_.get().size());
    }
  } else {
    return fail(GXF_ARGUMENT_INVALID, "unknown sampling_mode '%s'", mode.c_str());
  }
  // GXF quirk: min_size always has a value, and it wins over min_sum.
  min_sum_value_ = min_size_.get();
  return GXF_SUCCESS;
}

gxf_result_t MultiMessageAvailableSchedulingTerm::check(int64_t now,
                                                        SchedulingCondition* condition) {
  const auto& receivers = receivers_.get();
  bool ready = true;
  if (per_receiver_) {
    for (size_t i = 0; i < receivers.size(); ++i) {
      if (receivers[i]->size() + receivers[i]->back_size() < min_sizes_.get()[i]) ready = false;
    }
  } else {
    uint64_t sum = 0;
    for (const auto& receiver : receivers) sum += receiver->size() + receiver->back_size();
    ready = sum >= min_sum_value_;
  }
  *condition = ready ? SchedulingCondition{T::kReady, now} : SchedulingCondition{T::kWait, 0};
  return GXF_SUCCESS;
}

// --- DownstreamReceptiveSchedulingTerm

gxf_result_t DownstreamReceptiveSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(transmitter_, "transmitter", "Transmitter", "Queue whose receivers to watch");
  registrar->parameter(min_size_, "min_size", "Minimum size", "Free slots needed downstream",
                       uint64_t{1});
  return GXF_SUCCESS;
}

gxf_result_t DownstreamReceptiveSchedulingTerm::check(int64_t now,
                                                      SchedulingCondition* condition) {
  const auto& targets = transmitter_->targets();
  if (targets.empty()) {
    // After deactivation (the stall explainer reads the terms then) the routes are gone.
    if (!reported_unconnected_ && !transmitter_->routes_cleared()) {
      GXF_LOG_ERROR("%s: transmitter '%s' is not connected to any receiver", describe().c_str(),
                    transmitter_->name().c_str());
      reported_unconnected_ = true;
    }
    *condition = {T::kNever, 0};
    return GXF_SUCCESS;
  }
  for (Receiver* receiver : targets) {
    const int64_t places = receiver->free_places();
    if (places < 0 || static_cast<uint64_t>(places) < min_size_.get()) {
      *condition = {T::kWait, 0};
      return GXF_SUCCESS;
    }
  }
  *condition = {T::kReady, now};
  return GXF_SUCCESS;
}

// --- BooleanSchedulingTerm

gxf_result_t BooleanSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(enable_tick_, "enable_tick", "Enable tick", "Whether the entity may tick",
                       true, kParameterFlagsDynamic);
  return GXF_SUCCESS;
}

gxf_result_t BooleanSchedulingTerm::initialize() {
  enabled_.store(enable_tick_.get(), std::memory_order_release);
  return GXF_SUCCESS;
}

gxf_result_t BooleanSchedulingTerm::check(int64_t now, SchedulingCondition* condition) {
  *condition = enabled_.load(std::memory_order_acquire) ? SchedulingCondition{T::kReady, now}
                                                        : SchedulingCondition{T::kNever, 0};
  return GXF_SUCCESS;
}

gxf_result_t BooleanSchedulingTerm::enable_tick() {
  enabled_.store(true, std::memory_order_release);
  notify_runtime(this, EventType::kStateUpdate);
  return GXF_SUCCESS;
}

gxf_result_t BooleanSchedulingTerm::disable_tick() {
  enabled_.store(false, std::memory_order_release);
  notify_runtime(this, EventType::kStateUpdate);
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
