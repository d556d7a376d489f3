// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/greedy_scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <climits>

#include "gxf/core/logger.hpp"
#include "gxf/std/clocks.hpp"
#include "gxf/std/gems/take_notified.hpp"

namespace nvidia {
namespace gxf {

namespace {

using Condition = SchedulingConditionType;
constexpr int64_t kSleepSliceNs = 10'000'000;  // interrupts are seen within one slice

}  // namespace

GreedyScheduler::~GreedyScheduler() {
  // Never destroy a joinable thread (std::terminate): stop and join whatever still runs.
  if (thread_.joinable()) {
    stop();
    thread_.join();
  }
}

gxf_result_t GreedyScheduler::register_interface(Registrar* registrar) {
  registrar->parameter(clock_, "clock", "Clock", "Clock used for time and sleeping",
                       kParameterFlagsOptional);
  registrar->parameter(realtime_, "realtime", "Realtime (deprecated)",
                       "Use an internal realtime (true) or manual (false) clock",
                       kParameterFlagsOptional);
  limits_.register_parameters(registrar);
  registrar->parameter(check_recession_period_ms_, "check_recession_period_ms",
                       "Recession period [ms]", "Sleep between passes when nothing is ready", 0.0);
  registrar->range(check_recession_period_ms_, 0.0, static_cast<double>(kMaxDurationMs),
                   GXF_ARGUMENT_OUT_OF_RANGE);
  return GXF_SUCCESS;
}

gxf_result_t GreedyScheduler::deinitialize() {
  if (thread_.joinable()) {
    stop();
    thread_.join();
  }
  scheduled_.clear();
  internal_clock_.reset();
  return GXF_SUCCESS;
}

gxf_result_t GreedyScheduler::schedule(EntityItem* item) {
  scheduled_.push_back(item);
  return GXF_SUCCESS;
}

gxf_result_t GreedyScheduler::unschedule(EntityItem* item) {
  scheduled_.erase(std::remove(scheduled_.begin(), scheduled_.end(), item), scheduled_.end());
  return GXF_SUCCESS;
}

gxf_result_t GreedyScheduler::run_async() {
  if (thread_.joinable()) return GXF_INVALID_LIFECYCLE_STAGE;
  if (clock_.is_set()) {
    active_clock_ = clock_.get().get();
  } else if (realtime_.is_set()) {
    // The deprecated flag: an internal clock owned by the scheduler.
    if (realtime_.get()) {
      internal_clock_ = std::make_unique<RealtimeClock>();
    } else {
      internal_clock_ = std::make_unique<ManualClock>();
    }
    Registrar registrar(internal_clock_.get());
    internal_clock_->register_interface(&registrar);
    internal_clock_->initialize();
    active_clock_ = internal_clock_.get();
  } else {
    return fail(GXF_ARGUMENT_INVALID, "needs a 'clock' (or the deprecated 'realtime' flag)");
  }
  stop_requested_.store(false, std::memory_order_release);
  active_ = scheduled_;
  parked_.clear();
  result_ = GXF_SUCCESS;
  running_.store(true, std::memory_order_release);
  thread_ = std::thread([this] { run_loop(); });
  return GXF_SUCCESS;
}

gxf_result_t GreedyScheduler::stop() {
  // Notified under the lock: the run may end (and the scheduler be destroyed) as soon as it
  // sees the request.
  std::lock_guard<std::mutex> lock(event_mutex_);
  stop_requested_.store(true, std::memory_order_release);
  event_condition_.notify_all();
  return GXF_SUCCESS;
}

gxf_result_t GreedyScheduler::wait() {
  if (thread_.joinable()) thread_.join();
  // A stop() still notifying holds this lock: let it finish before the caller may destroy us.
  { std::lock_guard<std::mutex> lock(event_mutex_); }
  return result_;
}

gxf_result_t GreedyScheduler::event_notify(gxf_uid_t eid, EventType event) {
  if (event != EventType::kExternal) return GXF_SUCCESS;
  {
    std::lock_guard<std::mutex> lock(event_mutex_);
    notified_.insert(eid);
  }
  event_condition_.notify_all();
  return GXF_SUCCESS;
}

void GreedyScheduler::run_loop() {
  result_ = run_passes();
  running_.store(false, std::memory_order_release);
}

gxf_result_t GreedyScheduler::run_passes() {
  run_clock_.start(active_clock_, false);
  idle_.end();
  while (!stop_requested()) {
    int64_t now = active_clock_->timestamp();
    if (run_clock_.remaining_ns(limits_) == 0) {
      GXF_LOG_INFO("Max duration of %ld ms reached; stopping.",
                   static_cast<long>(limits_.max_duration_ms.get()));
      return executor_->stop_all();
    }
    int ready_count = 0;
    int64_t earliest_target = INT64_MAX;
    gxf_result_t code = tick_entities(now, &ready_count, &earliest_target);
    if (code != GXF_SUCCESS) {
      executor_->stop_all();
      return code;
    }
    if (wake_parked_entities()) ++ready_count;
    if (active_.empty() && parked_.empty()) {
      GXF_LOG_INFO("No more entities to schedule.");
      return GXF_SUCCESS;
    }
    if (ready_count > 0) {
      idle_.end();
      continue;
    }
    if (earliest_target != INT64_MAX && earliest_target > now) {
      sleep_until(earliest_target);
      idle_.end();
      continue;
    }
    if (!parked_.empty()) {
      wait_for_event();
      continue;
    }
    if (check_recession_period_ms_.get() > 0) {
      sleep_until(active_clock_->timestamp() +
                  static_cast<int64_t>(check_recession_period_ms_.get() * 1e6));
    }
    if (deadlock_expired()) {
      GXF_LOG_INFO("Deadlock: some entities are waiting, and none are periodic or async; "
                   "stopping.");
      return GXF_SUCCESS;
    }
  }
  // Interrupted: stop errors are only logged.
  executor_->stop_all();
  return GXF_SUCCESS;
}

gxf_result_t GreedyScheduler::tick_entities(int64_t now, int* ready_count,
                                            int64_t* earliest_target) {
  size_t keep = 0;
  for (size_t i = 0; i < active_.size(); ++i) {
    EntityItem* item = active_[i];
    SchedulingCondition condition;
    gxf_result_t code = item->execute(now, &condition);
    if (code != GXF_SUCCESS) {
      GXF_LOG_ERROR("Entity '%s' failed: %s", item->entity()->name().c_str(), result_str(code));
      return code;
    }
    switch (condition.type) {
      case Condition::kReady:
        ++*ready_count;
        active_[keep++] = item;
        break;
      case Condition::kWaitTime:
        *earliest_target = std::min(*earliest_target, condition.target_timestamp);
        active_[keep++] = item;
        break;
      case Condition::kWait:
        active_[keep++] = item;
        break;
      case Condition::kWaitEvent:
        parked_.push_back(item);
        break;
      case Condition::kNever:
        break;
    }
  }
  active_.resize(keep);
  return GXF_SUCCESS;
}

bool GreedyScheduler::wake_parked_entities() {
  if (parked_.empty()) return false;
  std::lock_guard<std::mutex> lock(event_mutex_);
  if (notified_.empty()) return false;
  return take_notified(&parked_, &notified_, &active_);
}

bool GreedyScheduler::deadlock_expired() {
  if (!limits_.stop_on_deadlock.get()) {
    if (check_recession_period_ms_.get() <= 0) std::this_thread::yield();
    return false;
  }
  const int64_t now = steady_now_ns();
  idle_.begin(now);
  return idle_.expired(static_cast<double>(limits_.stop_on_deadlock_timeout.get()), now);
}

void GreedyScheduler::sleep_until(int64_t target) {
  if (!active_clock_->is_wall_clock()) {
    active_clock_->sleep_until(target);
    return;
  }
  while (!stop_requested()) {
    int64_t now = active_clock_->timestamp();
    if (now >= target) return;
    int64_t slice = std::min(target - now, kSleepSliceNs);
    std::unique_lock<std::mutex> lock(event_mutex_);
    // Real sleep is shorter than `slice` when the clock runs faster than wall time; the loop
    // re-reads the clock either way.
    event_condition_.wait_for(lock, std::chrono::nanoseconds(slice), [this] {
      return stop_requested() || !notified_.empty();
    });
    if (!notified_.empty()) return;
  }
}

void GreedyScheduler::wait_for_event() {
  std::unique_lock<std::mutex> lock(event_mutex_);
  event_condition_.wait_for(lock, std::chrono::milliseconds(10),
                            [this] { return stop_requested() || !notified_.empty(); });
}

}  // namespace gxf
}  // namespace nvidia
