// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <climits>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gxf/core/cache_line.hpp"
#include "gxf/core/entity.hpp"
#include "gxf/core/runtime.hpp"
#include "gxf/core/spin_lock.hpp"
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

// The codelet calls an entity makes.
enum class CodeletPhase : uint8_t { kStart, kTick, kStop };

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
// codelets, terms, combiners and queues, gathered once at activation. Cache-line aligned: every
// tick writes its status and execution lock, and items made one after the other belong to
// entities that parallel schedulers run on different workers.
class alignas(kCacheLine) EntityItem {
 public:
  EntityItem(EntityExecutor* executor, Entity* entity);
  ~EntityItem();
  EntityItem(const EntityItem&) = delete;
  EntityItem& operator=(const EntityItem&) = delete;

  Entity* entity() const { return entity_; }
  gxf_uid_t eid() const { return entity_->eid(); }
  EntityStatus status() const { return status_.load(std::memory_order_acquire); }
  // Some codelet of the entity runs Python (Codelet::runs_python).
  bool runs_python() const {
    for (Codelet* codelet : codelets_) {
      if (codelet->runs_python()) return true;
    }
    return false;
  }
  // Every term (and combiner) signals its changes with an event: a WAIT verdict holds until
  // one arrives (SchedulingTerm::signals_changes).
  bool waits_for_events() const { return waits_for_events_; }
  // The time of its latest tick (INT64_MIN before the first): a later tick must not be given
  // an earlier time. Read by the thread that executes the entity.
  int64_t last_timestamp() const { return last_timestamp_; }
  bool is_started() const {
    EntityStatus s = status();
    return s != EntityStatus::kNotStarted;
  }
  // Whether this entity ever started since activation (the status is back at kNotStarted
  // once the run stopped it): kNever (the scheduler never executed it), kStarted, or kFailed
  // (a codelet's start() failed). The stall explainer tells these apart after the run.
  enum class StartHistory : int { kNever = 0, kStarted = 1, kFailed = 2 };
  StartHistory start_history() const { return start_history_.load(std::memory_order_acquire); }
  const std::vector<Codelet*>& codelets() const { return codelets_; }
  const std::vector<Receiver*>& receivers() const { return receivers_; }
  const std::vector<Transmitter*>& transmitters() const { return transmitters_; }

  // Start on first visit, else check the terms and tick when READY, stop on NEVER.
  // The resulting condition is written to `condition`.
  gxf_result_t execute(int64_t now, SchedulingCondition* condition);
  // The same for an entity its caller has just checked at `now` and found READY (`verdict`):
  // it ticks without checking its terms a second time at the same instant (a polling
  // scheduler checks before it decides to run a job; checking again was a third of its visit).
  gxf_result_t execute_ready(int64_t now, const SchedulingCondition& verdict,
                             SchedulingCondition* condition);
  // The terms' verdict without running anything (terms may refresh lazy state).
  gxf_result_t check(int64_t now, SchedulingCondition* condition);
  // Stops the entity if started; returns the first stop() failure.
  gxf_result_t stop();

  // The codelet call this entity is in now, if any (reports on a graph that does not stop).
  bool running_call(RunningCall* call) const;

  // Where this entity records metrics; nullptr while metrics are off.
  void set_metrics(ItemMetrics* metrics) { metrics_.store(metrics, std::memory_order_release); }

  // Scheduler-private slot (queue position, thread pinning...).
  std::atomic<int> scheduler_state{0};
  void* scheduler_data = nullptr;

 private:
  // execute() and execute_ready() (`verdict` null: check the terms here).
  gxf_result_t execute_with(int64_t now, const SchedulingCondition* verdict,
                            SchedulingCondition* condition);
  gxf_result_t execute_locked(int64_t now, const SchedulingCondition* verdict,
                              SchedulingCondition* condition);
  gxf_result_t fail_on_exception(const std::exception& error);
  gxf_result_t start(int64_t now);
  // A tick with metrics off; tick_metered() with them on (execute_locked picks).
  gxf_result_t tick(int64_t now, int64_t target);
  // How a tick records metrics: not at all (metrics off), counts only (the common tick with
  // metrics on), or counts and clock reads (one tick in MetricsOptions::sample_period).
  enum class Recording { kOff, kCount, kTime };
  // One body, compiled three times: in tick() with metrics off (the metrics-off tick costs
  // what it did before metrics existed), in tick_metered() and in tick_timed().
  template <Recording kRecording>
  __attribute__((always_inline)) inline gxf_result_t tick_with(int64_t now, int64_t target,
                                                               ItemMetrics* metrics, int timing);
  // Out of line, so the metrics-off tick holds no register or test for them.
  __attribute__((noinline)) gxf_result_t tick_metered(int64_t now, int64_t target,
                                                      ItemMetrics* metrics);
  __attribute__((noinline)) gxf_result_t tick_timed(int64_t now, int64_t target,
                                                    ItemMetrics* metrics, int timing);
  gxf_result_t stop_locked();
  gxf_result_t sync_inbox();
  // Delivers the outbox; with kTime, stamps latency probes when this tick was timed. Fails
  // when a transmitter that delivers elsewhere (UCX) cannot.
  template <Recording kRecording>
  __attribute__((always_inline)) inline gxf_result_t sync_outbox(ItemMetrics* metrics,
                                                                 bool probe);
  void notify_upstream();
  // Marks the codelet call the current thread makes (nullptr: none), read by running_call().
  void enter_call(Codelet* codelet, CodeletPhase phase) {
    active_phase_.store(phase, std::memory_order_relaxed);
    active_codelet_.store(codelet, std::memory_order_release);
  }
  void leave_call() { active_codelet_.store(nullptr, std::memory_order_release); }

  EntityExecutor* executor_;
  Entity* entity_;
  std::vector<Codelet*> codelets_;
  std::vector<SchedulingTerm*> terms_;
  std::vector<SchedulingTermCombiner*> combiners_;
  std::vector<Receiver*> receivers_;
  std::vector<Transmitter*> transmitters_;
  bool waits_for_events_ = true;
  std::atomic<EntityStatus> status_{EntityStatus::kNotStarted};
  std::atomic<StartHistory> start_history_{StartHistory::kNever};
  int64_t last_timestamp_ = INT64_MIN;
  // One execution of this entity at a time. Contended only when the entity is deactivated
  // during a run (the stop waits for the call in progress): a spin lock, which yields after a
  // short spin, costs one exchange per visit where a pthread mutex was 5% of a parallel run.
  SpinLock execution_mutex_;
  std::atomic<ItemMetrics*> metrics_{nullptr};
  // After the hot fields, which keep their places. Written by the executing thread around
  // each codelet call (two plain stores on x86), read by any thread.
  std::atomic<Codelet*> active_codelet_{nullptr};
  std::atomic<CodeletPhase> active_phase_{CodeletPhase::kTick};
  std::atomic<uint64_t> active_thread_{0};
};

// Executes entities for the schedulers: start, tick, stop, with the router's delivery after
// each tick. Owned by the program; shared by all schedulers of the graph.
class EntityExecutor {
 public:
  EntityItem* add(Entity* entity);
  EntityItem* item(gxf_uid_t eid) const;
  const std::vector<std::unique_ptr<EntityItem>>& items() const { return items_; }
  // Codelet calls in progress (any thread, any time: items_mutex_ only).
  std::vector<RunningCall> running_calls() const;
  // The entity's status as GXF numbers it; 0 for an entity that is not executed.
  int status_of(gxf_uid_t eid) const;
  // Stops every started entity in ascending eid order; returns the first stop failure.
  gxf_result_t stop_all();
  // Drops the items; their start histories are kept until the next clear() with items.
  void clear();
  // Whether an entity started in the latest activation (its item's, or the record clear()
  // kept: a failed run clears the executor before the stall explainer reads it); false
  // (second) for an entity the executor never ran.
  std::pair<EntityItem::StartHistory, bool> start_history(gxf_uid_t eid) const;

  void add_observer(ExecutionObserver* observer) { observers_.push_back(observer); }
  const std::vector<ExecutionObserver*>& observers() const { return observers_; }
  void add_monitor(Monitor* monitor) { monitors_.push_back(monitor); }
  const std::vector<Monitor*>& monitors() const { return monitors_; }
  // Called by the router after messages reach a receiver (EBS wakes its entity).
  void set_event_sink(std::function<void(gxf_uid_t, EventType)> sink) {
    event_sink_ = std::move(sink);
  }
  // The same by item: the executor's own notifications, where the entity is at hand.
  void set_item_sink(std::function<void(EntityItem*, EventType)> sink) {
    item_sink_ = std::move(sink);
  }
  void notify(gxf_uid_t eid, EventType event) const {
    if (event_sink_) event_sink_(eid, event);
  }
  void notify(Entity* entity, EventType event) const {
    auto* item = static_cast<EntityItem*>(entity->executor_item);
    if (item && item_sink_) {
      item_sink_(item, event);
    } else if (event_sink_) {
      event_sink_(entity->eid(), event);
    }
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
  // Guards items_ and by_eid_ against add()/clear() for readers on other threads
  // (running_calls, status_of); the lifecycle thread that changes them reads them unlocked.
  mutable std::mutex items_mutex_;
  std::vector<std::unique_ptr<EntityItem>> items_;
  std::unordered_map<gxf_uid_t, EntityItem*> by_eid_;
  std::unordered_map<gxf_uid_t, EntityItem::StartHistory> cleared_start_history_;
  std::vector<ExecutionObserver*> observers_;
  std::vector<Monitor*> monitors_;
  std::function<void(gxf_uid_t, EventType)> event_sink_;
  std::function<void(EntityItem*, EventType)> item_sink_;
  mutable std::mutex metrics_mutex_;  // readers snapshot from other threads
  std::shared_ptr<ExecutionMetrics> metrics_;
};

}  // namespace gxf
}  // namespace nvidia
