// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "gxf/std/clock.hpp"
#include "gxf/std/entity_executor.hpp"
#include "gxf/std/gems/timed_job_queue.hpp"
#include "gxf/std/resources.hpp"
#include "gxf/std/scheduler.hpp"

namespace nvidia {
namespace gxf {

// The shared core of the MultiThread and EventBased schedulers.
//
// One job = one visit of one entity. Jobs wait in lanes ordered by due time: lane 0 for
// unpinned entities, one lane per ThreadPool slot that holds a pinned entity. A worker thread
// loops: next_job files its previous visit by the entity's condition (READY now, WAIT_TIME at
// its target, WAIT polled or parked (policy), WAIT_EVENT parked until an event, NEVER dropped),
// wakes the entities its messages woke, and takes the next due job (wait_for_work);
// visit_entity then runs it (start, or check + tick + stop on NEVER, then a fresh check).
// Events re-queue parked entities (event_notify). A supervisor thread ends the run on
// interrupt, failure, max duration or deadlock (supervise), joins the workers and stops
// every entity (stop_all).
//
// Concurrency: one mutex guards lanes, counters and worker sleep; an entity is never queued
// twice and runs on one worker at a time (the executor serialises executions as well).
// Codelets run without any scheduler lock held; term checks of polling schedulers run under
// it, so a term's check() must not notify.
class ParallelScheduler : public Scheduler {
 public:
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;
  gxf_result_t schedule(EntityItem* item) override;
  gxf_result_t unschedule(EntityItem* item) override;
  gxf_result_t run_async() override;
  gxf_result_t stop() override;
  gxf_result_t wait() override;
  gxf_result_t event_notify(gxf_uid_t eid, EventType event) override;

 protected:
  // Entities by their last filed condition, plus jobs queued and running.
  struct Counters {
    int64_t ready = 0;
    int64_t wait_time = 0;
    int64_t wait_event = 0;
    int64_t wait = 0;
    int64_t queued = 0;
    int64_t running = 0;
  };

  // Parameters both schedulers register under the same keys.
  void register_common_parameters(Registrar* registrar);

  // Policy hooks.
  virtual bool reacts_to(EventType event) const = 0;
  // True: WAIT entities are re-checked after `*period_ns`; false: parked until an event.
  virtual bool polls_waiting(int64_t* period_ns) const = 0;
  // True: an entity is checked before it runs and runs only when READY (polling schedulers).
  virtual bool checks_before_running() const = 0;
  // True: workers of a ThreadPool also run unpinned entities.
  virtual bool pinned_workers_run_unpinned() const = 0;
  // True: max_duration_ms is wall time; false: scheduler-clock time.
  virtual bool max_duration_is_wall_time() const = 0;
  // Nothing can make progress any more (entities may still wait for time or events).
  virtual bool is_idle(const Counters& counters) const = 0;
  // How long (ms) idleness must last before the run ends; < 0: never.
  virtual double deadlock_grace_ms() const = 0;
  // True: the deadlock rule is evaluated only when an entity is filed (polling schedulers,
  // which file waiting entities regularly); false: by the supervisor's timer.
  virtual bool deadlock_checked_on_filing() const = 0;
  // True: the run ends at once when no entity is left (all reached NEVER).
  virtual bool ends_when_no_entity_left() const = 0;

  Parameter<Handle<Clock>> clock_;
  Parameter<int64_t> max_duration_ms_;
  Parameter<bool> stop_on_deadlock_;
  Parameter<int64_t> worker_thread_number_;
  Parameter<bool> thread_pool_allocation_auto_;
  Parameter<int64_t> stop_on_deadlock_timeout_;

 private:
  enum class JobState : int { kQueued, kRunning, kParked, kDropped };

  struct Job {
    EntityItem* item = nullptr;
    size_t lane = 0;
    std::atomic<JobState> state{JobState::kQueued};
    std::atomic<bool> notified{false};  // an event arrived since the job was taken
    std::atomic<bool> unscheduled{false};
    SchedulingConditionType condition = SchedulingConditionType::kReady;
  };

  struct Worker {
    ParallelScheduler* owner = nullptr;
    size_t own_lane = 0;  // 0: none
    bool runs_unpinned = true;
    bool waiting = false;
    int64_t wait_until = 0;  // clock time a waiting worker wakes by itself (kForever: never)
    std::vector<Job*> deferred;  // parked entities its last tick sent message events to
    int continuations = 0;       // jobs in a row taken from `deferred`, past the lanes
    std::condition_variable wake;
    std::thread thread;
  };

  // The outcome of one visit of an entity, filed under the lock of the worker's next wait.
  struct Visit {
    Job* job = nullptr;
    SchedulingCondition condition;
    bool ran = false;  // started or ticked
    gxf_result_t code = GXF_SUCCESS;
  };

  using Lock = std::unique_lock<std::mutex>;

  // Worker side.
  void run_worker(Worker* worker);
  // Files the previous visit, wakes what its messages woke, then waits for the next job.
  Job* next_job(Worker* worker, Visit* visit);
  Job* wait_for_work(Worker* worker, Lock& lock);
  Job* begin_job_locked(Job* job);
  bool serves(const Worker* worker, size_t lane) const;
  Visit visit_entity(Job* job);

  Lock lock_board();
  // Spins up to a few microseconds for a job to be queued (any lane).
  void spin_until_queued(Worker* worker);

  // Board operations; the caller holds mutex_.
  bool check_before_running_locked(Job* job);
  void file_locked(Job* job, SchedulingCondition condition, bool ran);
  void fail_locked(gxf_result_t code);
  void queue_locked(Job* job, int64_t due);
  void park_locked(Job* job);
  void wake_parked_locked(Job* job);
  // Wakes one waiting worker for `lane` unless a worker will take its next job anyway.
  void wake_worker_locked(size_t lane);
  void wake_for_queued_locked();
  void count_locked(Job* job, SchedulingConditionType next);
  void refresh_idle_locked();
  bool deadlock_expired_locked() const;
  bool any_queued_ready_locked();
  void request_stop_locked(const char* reason);

  // Supervisor side.
  void supervise();
  // Whether the run's time is up; else lowers *wait_ns to the time left.
  bool max_duration_reached_locked(int64_t* wait_ns);
  // Whether idleness lasted its grace period; else lowers *wait_ns to the time left.
  bool deadlock_reached_locked(int64_t* wait_ns);
  // Joins the workers, then stops every started entity.
  void stop_all();
  // Wall-clock nanoseconds until the scheduler clock reaches `target`, capped.
  int64_t wall_ns_until(int64_t target) const;
  int64_t wall_now_ns() const;

  size_t lane_for(EntityItem* item, gxf_result_t* code);
  void start_workers();
  void clear_run_state();

  Clock* clock() const { return clock_.get().get(); }

  std::vector<std::unique_ptr<Job>> jobs_;
  std::vector<std::pair<ThreadPool*, size_t>> pinned_lanes_;  // lane i+1 = (pool, slot)
  std::vector<ThreadPool*> pools_;                            // pools with pinned entities
  std::vector<TimedJobQueue<Job*>> lanes_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::thread supervisor_;
  std::mutex join_mutex_;  // wait() may come from two threads (graph_wait, context destroy)

  std::mutex mutex_;
  std::condition_variable supervisor_wake_;
  Counters counters_;
  bool stopping_ = false;
  // Read without mutex_ by spinning workers; written with it.
  std::atomic<int64_t> queued_hint_{0};
  std::atomic<bool> stopping_hint_{false};
  std::atomic<int> unpinned_spinners_{0};
  static thread_local Worker* t_worker;  // the worker running on this thread, if any
  bool idle_ = false;
  int64_t idle_since_ns_ = 0;  // wall time idleness began
  const char* stop_reason_ = nullptr;
  gxf_result_t result_ = GXF_SUCCESS;
  std::atomic<bool> running_{false};
  bool started_once_ = false;
  int64_t start_clock_ns_ = 0;
  int64_t start_wall_ns_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
