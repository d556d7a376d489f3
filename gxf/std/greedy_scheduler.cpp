// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/greedy_scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <climits>

#include "gxf/core/logger.hpp"
#include "gxf/std/clocks.hpp"

namespace nvidia {
namespace gxf {

namespace {

using Condition = SchedulingConditionType;
constexpr int64_t kSleepSliceNs = 10'000'000;  // interrupts are seen within one slice

int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

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
  registrar->parameter(max_duration_ms_, "max_duration_ms", "Max duration [ms]",
                       "Stop the graph after this long", kParameterFlagsOptional);
  registrar->parameter(stop_on_deadlock_, "stop_on_deadlock", "Stop on deadlock",
                       "End the run when nothing can tick any more", true);
  registrar->parameter(check_recession_period_ms_, "check_recession_period_ms",
                       "Recession period [ms]", "Sleep between passes when nothing is ready", 0.0);
  registrar->parameter(stop_on_deadlock_timeout_, "stop_on_deadlock_timeout",
                       "Deadlock timeout [ms]",
                       "Grace period before a deadlock ends the run (< 0: never)", int64_t{0});
  registrar->range(max_duration_ms_, 0, kMaxDurationMs);
  registrar->range(check_recession_period_ms_, 0.0, static_cast<double>(kMaxDurationMs),
                   GXF_ARGUMENT_OUT_OF_RANGE);
  registrar->range(stop_on_deadlock_timeout_, INT64_MIN, kMaxDurationMs);
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
  {
    std::lock_guard<std::mutex> lock(event_mutex_);
    stop_requested_.store(true, std::memory_order_release);
  }
  event_condition_.notify_all();
  return GXF_SUCCESS;
}

gxf_result_t GreedyScheduler::wait() {
  if (thread_.joinable()) thread_.join();
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
  const int64_t start = active_clock_->timestamp();
  int64_t deadlock_start_ms = -1;
  while (!stop_requested()) {
    int64_t now = active_clock_->timestamp();
    if (max_duration_ms_.is_set() && now - start > max_duration_ms_.get() * 1'000'000) {
      GXF_LOG_INFO("Max duration of %ld ms reached; stopping.",
                   static_cast<long>(max_duration_ms_.get()));
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
      deadlock_start_ms = -1;
      continue;
    }
    if (earliest_target != INT64_MAX && earliest_target > now) {
      sleep_until(earliest_target);
      deadlock_start_ms = -1;
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
    if (deadlock_expired(&deadlock_start_ms)) {
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
  bool woke = false;
  size_t keep = 0;
  for (EntityItem* item : parked_) {
    if (notified_.erase(item->eid())) {
      active_.push_back(item);
      woke = true;
    } else {
      parked_[keep++] = item;
    }
  }
  parked_.resize(keep);
  return woke;
}

bool GreedyScheduler::deadlock_expired(int64_t* deadlock_start_ms) {
  if (!stop_on_deadlock_.get()) {
    if (check_recession_period_ms_.get() <= 0) std::this_thread::yield();
    return false;
  }
  int64_t timeout = stop_on_deadlock_timeout_.get();
  if (timeout < 0) return false;
  int64_t now_ms = steady_ms();
  if (*deadlock_start_ms < 0) *deadlock_start_ms = now_ms;
  return now_ms - *deadlock_start_ms >= timeout;
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
