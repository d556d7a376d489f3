// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/epoch_scheduler.hpp"

#include <algorithm>

#include "gxf/core/logger.hpp"
#include "gxf/std/gems/take_notified.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t EpochScheduler::register_interface(Registrar* registrar) {
  registrar->parameter(clock_, "clock", "Clock",
                       "Clock that measures each epoch's time budget (a RealtimeClock, usually)");
  return GXF_SUCCESS;
}

gxf_result_t EpochScheduler::initialize() {
  std::lock_guard<std::mutex> lock(mutex_);
  stopping_ = true;
  armed_ = false;
  return GXF_SUCCESS;
}

gxf_result_t EpochScheduler::deinitialize() {
  std::lock_guard<std::mutex> epoch(epoch_mutex_);
  std::lock_guard<std::mutex> lock(mutex_);
  active_.clear();
  waiting_event_.clear();
  added_.clear();
  unscheduled_.clear();
  events_.clear();
  return GXF_SUCCESS;
}

gxf_result_t EpochScheduler::schedule(EntityItem* item) {
  std::lock_guard<std::mutex> lock(mutex_);
  unscheduled_.erase(item);
  added_.push_back(item);
  return GXF_SUCCESS;
}

gxf_result_t EpochScheduler::unschedule(EntityItem* item) {
  std::lock_guard<std::mutex> lock(mutex_);
  added_.erase(std::remove(added_.begin(), added_.end(), item), added_.end());
  unscheduled_.insert(item);
  return GXF_SUCCESS;
}

gxf_result_t EpochScheduler::run_async() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!clock_.get()) {
    return fail(GXF_ARGUMENT_INVALID, "parameter 'clock' is not set");
  }
  stopping_ = false;
  armed_ = true;
  return GXF_SUCCESS;
}

gxf_result_t EpochScheduler::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  stopped_.notify_all();
  return GXF_SUCCESS;
}

gxf_result_t EpochScheduler::wait() {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    stopped_.wait(lock, [this] { return stopping_; });
    if (!armed_) return GXF_SUCCESS;
    armed_ = false;
  }
  // No epoch runs any more (it sees stopping_ at its next pass): stop what ran.
  std::lock_guard<std::mutex> epoch(epoch_mutex_);
  gxf_result_t code = executor_->stop_all();
  if (code != GXF_SUCCESS) {
    GXF_LOG_WARNING("%s: stopping the entities: %s", describe().c_str(), result_str(code));
  }
  return GXF_SUCCESS;
}

gxf_result_t EpochScheduler::event_notify(gxf_uid_t eid, EventType event) {
  if (event != EventType::kExternal) return GXF_SUCCESS;
  std::lock_guard<std::mutex> lock(mutex_);
  events_.insert(eid);
  return GXF_SUCCESS;
}

bool EpochScheduler::take_events() {
  std::lock_guard<std::mutex> lock(mutex_);
  // Entities scheduled since the last epoch join now.
  for (EntityItem* item : added_) active_.push_back(item);
  added_.clear();
  const bool woke = take_notified(&waiting_event_, &events_, &active_);
  events_.clear();  // events for entities not waiting for one are dropped, as in GXF
  return woke;
}

gxf_result_t EpochScheduler::run_epoch(double budget_ms) {
  std::lock_guard<std::mutex> epoch(epoch_mutex_);
  Clock* clock = clock_.get().get();
  const int64_t start = clock->timestamp();
  const int64_t budget_ns = static_cast<int64_t>(budget_ms * 1e6);
  for (bool first = true;; first = false) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return GXF_SUCCESS;
    }
    const int64_t now = clock->timestamp();
    if (budget_ms > 0 ? now - start > budget_ns : !first) return GXF_SUCCESS;
    take_events();
    size_t ready = 0;
    size_t keep = 0;
    for (EntityItem* item : active_) {
      bool gone;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        gone = unscheduled_.count(item) != 0;
      }
      if (gone) continue;
      SchedulingCondition condition;
      gxf_result_t code = item->execute(clock->timestamp(), &condition);
      if (code != GXF_SUCCESS) {
        GXF_LOG_ERROR("Entity '%s' failed: %s", item->entity()->name().c_str(),
                      result_str(code));
        active_.resize(keep);  // what was not visited is dropped along with the failure
        return code;
      }
      switch (condition.type) {
        case SchedulingConditionType::kReady:
          ++ready;
          active_[keep++] = item;
          break;
        case SchedulingConditionType::kWaitTime:
        case SchedulingConditionType::kWait:
          active_[keep++] = item;
          break;
        case SchedulingConditionType::kWaitEvent:
          waiting_event_.push_back(item);
          break;
        case SchedulingConditionType::kNever:
          break;
      }
    }
    active_.resize(keep);
    if (ready == 0) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (events_.empty() && added_.empty()) return GXF_SUCCESS;
    }
  }
}

}  // namespace gxf
}  // namespace nvidia
