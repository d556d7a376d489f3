// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <climits>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "gxf/core/entity.hpp"
#include "gxf/core/runtime.hpp"
#include "gxf/std/clock.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/execution_metrics.hpp"
#include "gxf/std/execution_observer.hpp"
#include "gxf/std/monitor.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/scheduling_term.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

class EntityExecutor;

enum class EntityStatus : int {
  kNotStarted = 0,
  kStartPending = 1,
  kStarted = 2,
  kTickPending = 3,
  kTicking = 4,
  kIdle = 5,
  kStopPending = 6,
};

// One schedulable entity (it holds at least one codelet) and what its execution needs:
// codelets, terms, combiners and queues, gathered once at activation.
class EntityItem {
 public:
  EntityItem(EntityExecutor* executor, Entity* entity);

  Entity* entity() const { return entity_; }
  gxf_uid_t eid() const { return entity_->eid(); }
  EntityStatus status() const { return status_.load(std::memory_order_acquire); }
  bool is_started() const {
    EntityStatus s = status();
    return s != EntityStatus::kNotStarted;
  }
  const std::vector<Codelet*>& codelets() const { return codelets_; }
  const std::vector<Receiver*>& receivers() const { return receivers_; }
  const std::vector<Transmitter*>& transmitters() const { return transmitters_; }

  // Start on first visit, else check the terms and tick when READY, stop on NEVER.
  // The resulting condition is written to `condition`.
  gxf_result_t execute(int64_t now, SchedulingCondition* condition);
  // The terms' verdict without running anything (terms may refresh lazy state).
  gxf_result_t check(int64_t now, SchedulingCondition* condition);
  // Stops the entity if started; returns the first stop() failure.
  gxf_result_t stop();

  // Where this entity records metrics; nullptr while metrics are off.
  void set_metrics(ItemMetrics* metrics) { metrics_.store(metrics, std::memory_order_release); }

  // Scheduler-private slot (queue position, thread pinning...).
  std::atomic<int> scheduler_state{0};
  void* scheduler_data = nullptr;

 private:
  gxf_result_t execute_locked(int64_t now, SchedulingCondition* condition);
  gxf_result_t start(int64_t now);
  gxf_result_t tick(int64_t now, int64_t target);
  // Out of line, so tick() is a two-way jump and neither body pays for the other.
  template <bool kMetrics>
  __attribute__((noinline)) gxf_result_t tick_with(int64_t now, int64_t target,
                                                   ItemMetrics* metrics);
  gxf_result_t stop_locked();
  gxf_result_t sync_inbox();
  // Delivers the outbox; `probe`: stamp latency probes (this tick was timed).
  template <bool kMetrics>
  __attribute__((always_inline)) inline gxf_result_t sync_outbox(ItemMetrics* metrics, bool probe);
  void notify_upstream();

  EntityExecutor* executor_;
  Entity* entity_;
  std::vector<Codelet*> codelets_;
  std::vector<SchedulingTerm*> terms_;
  std::vector<SchedulingTermCombiner*> combiners_;
  std::vector<Receiver*> receivers_;
  std::vector<Transmitter*> transmitters_;
  std::atomic<EntityStatus> status_{EntityStatus::kNotStarted};
  int64_t last_timestamp_ = INT64_MIN;
  std::mutex execution_mutex_;  // one execution of this entity at a time
  std::atomic<ItemMetrics*> metrics_{nullptr};  // last: the hot fields keep their places
};

// Executes entities for the schedulers: start, tick, stop, with the router's delivery after
// each tick. Owned by the program; shared by all schedulers of the graph.
class EntityExecutor {
 public:
  EntityItem* add(Entity* entity);
  EntityItem* item(gxf_uid_t eid) const;
  const std::vector<std::unique_ptr<EntityItem>>& items() const { return items_; }
  // Stops every started entity in ascending eid order; returns the first stop failure.
  gxf_result_t stop_all();
  void clear();

  void add_observer(ExecutionObserver* observer) { observers_.push_back(observer); }
  const std::vector<ExecutionObserver*>& observers() const { return observers_; }
  void add_monitor(Monitor* monitor) { monitors_.push_back(monitor); }
  const std::vector<Monitor*>& monitors() const { return monitors_; }
  // Called by the router after messages reach a receiver (EBS wakes its entity).
  void set_event_sink(std::function<void(gxf_uid_t, EventType)> sink) {
    event_sink_ = std::move(sink);
  }
  void notify(gxf_uid_t eid, EventType event) const {
    if (event_sink_) event_sink_(eid, event);
  }
  bool has_event_sink() const { return static_cast<bool>(event_sink_); }
  // Run-time metrics (ExecutionMetrics::attach); kept until clear().
  std::shared_ptr<ExecutionMetrics> metrics() const {
    std::lock_guard<std::mutex> lock(metrics_mutex_);
    return metrics_;
  }
  void set_metrics(std::shared_ptr<ExecutionMetrics> metrics) {
    std::lock_guard<std::mutex> lock(metrics_mutex_);
    metrics_ = std::move(metrics);
  }

 private:
  std::vector<std::unique_ptr<EntityItem>> items_;
  std::unordered_map<gxf_uid_t, EntityItem*> by_eid_;
  std::vector<ExecutionObserver*> observers_;
  std::vector<Monitor*> monitors_;
  std::function<void(gxf_uid_t, EventType)> event_sink_;
  mutable std::mutex metrics_mutex_;  // readers snapshot from other threads
  std::shared_ptr<ExecutionMetrics> metrics_;
};

}  // namespace gxf
}  // namespace nvidia
