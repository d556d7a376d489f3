// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "gxf/core/cache_line.hpp"
#include "gxf/std/clock.hpp"
#include "gxf/std/entity_executor.hpp"
#include "gxf/std/gems/event_count.hpp"
#include "gxf/std/gems/timed_job_queue.hpp"
#include "gxf/std/gems/work_stealing_deque.hpp"
#include "gxf/std/resources.hpp"
#include "gxf/std/run_limits.hpp"
#include "gxf/std/scheduler.hpp"

namespace nvidia {
namespace gxf {

// The shared core of the MultiThread and EventBased schedulers: a work-stealing executor.
//
// One job = one entity; it is in at most one place at a time (a run queue, the timer heap,
// parked, or running on one worker). Each worker owns a Chase-Lev deque and a one-job slot
// before it: it runs the job it queued last (the slot, then the deque's newest) and steals
// the oldest job of another worker when it has none (of a deque holding one or two, only
// once it has seen that job wait: worth_stealing). A worker files the entity it visited by
// the entity's condition (READY: back to its own deque; WAIT_TIME: the timer heap; WAIT:
// polled after the recession period or parked, by policy; WAIT_EVENT: parked; NEVER:
// dropped). A job whose codelets run Python runs under the process-wide codelet call gate and
// waits in a queue of its own (not a deque) for whichever worker holds or takes the gate:
// workers never wait for the gate (run_python). An event for a parked entity queues it again:
// on the deque of the worker whose tick sent the message (its data is hot in that core's
// cache), else on the injection queue (events from other threads). Entities pinned to a
// ThreadPool slot go to the inbox of that slot's worker only. Idle workers sleep on an event
// count: no polling (but a worker that passed over a job not yet worth stealing looks again
// after 50 us, in case its owner went into a long tick, and one sleeper at a time looks at
// queued Python jobs every millisecond), and a job queued while a worker decides to sleep
// wakes it. A job reaching a busy worker's deque wakes a sleeper, except one of the few a
// worker's own pipeline leaves there when the graph has a pipeline for every worker
// (wakes_for_few_jobs_); the supervisor then wakes one for a deque whose oldest job stays
// put (look_for_stranded_jobs). Due timers are moved onto the deque of the worker that finds
// them. A supervisor thread ends the run on interrupt, failure, max duration or deadlock
// (supervise), joins the workers and stops every entity (stop_all).
//
// Concurrency rules:
// - The hot path (run a job, file it, queue what its messages woke, take the next job) takes
//   no lock shared by the workers: deques are lock-free; an entity's condition and counters
//   are written only by the worker holding its job.
// - Job::state moves kQueued -> kRunning -> (kQueued | kParked | kDropped); only the worker
//   holding the job changes it, except kRunning -> kRunningNotified (an event while it runs:
//   it will not park) and kParked -> kQueued (an event or unschedule, whoever wins the
//   compare-exchange, queues it). One word for both facts: an event costs one atomic
//   exchange and a park one, where a separate notified flag cost two each.
// - Waking: a job pushed while no worker searches wakes one sleeper, unless a wake is already
//   announced (wake_pending_): a sleeper withdraws the announcement before its last look, so
//   a job is either seen by that look or wakes it. A missed wake only delays parallelism: a
//   worker never sleeps while its own deque holds a job.
// - Locks: timer_mutex_ (the timer heap), injection_mutex_, python_mutex_, each pinned
//   inbox's mutex, supervisor_mutex_. None is held while a
//   codelet runs or while another of them is taken, except supervisor_mutex_ (outermost).
// - The codelet call gate is held around a Python job's whole visit (its codelet calls would
//   take it anyway); workers only ever try it, never wait for it, so it orders before
//   python_mutex_ without a cycle.
// - Term checks run on the worker holding the job, without any lock: a term's check() may
//   read queues that other workers push to (queues synchronise themselves).
// - Idleness of polling schedulers (every entity WAIT) is a census split into one part per
//   worker (CensusPart), written by that worker alone and summed by the supervisor, which
//   looks every millisecond; a WAIT verdict counts only from a check begun after the idle
//   period began (census_period_), or from an entity parked since.
class ParallelScheduler : public Scheduler {
 public:
  ~ParallelScheduler() override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;
  gxf_result_t schedule(EntityItem* item) override;
  gxf_result_t unschedule(EntityItem* item) override;
  gxf_result_t run_async() override;
  gxf_result_t stop() override;
  gxf_result_t wait() override;
  gxf_result_t event_notify(gxf_uid_t eid, EventType event) override;
  gxf_result_t event_notify_item(EntityItem* item, EventType event) override;

 protected:
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
  // True: idle means every live entity waits (WAIT) — nothing is READY, WAIT_TIME or
  // WAIT_EVENT (polling schedulers, judged when an entity is filed). False: idle means no job
  // is queued, timed or running and no entity waits for an event (judged by the supervisor
  // once every worker sleeps).
  virtual bool idle_when_all_wait() const = 0;
  // How long (ms) idleness must last before the run ends; < 0: never.
  virtual double deadlock_grace_ms() const = 0;
  // True: the run ends at once when no entity is left (all reached NEVER).
  virtual bool ends_when_no_entity_left() const = 0;

  Parameter<Handle<Clock>> clock_;
  RunLimitParameters limits_;
  Parameter<int64_t> worker_thread_number_;
  Parameter<bool> thread_pool_allocation_auto_;

 private:
  enum class JobState : int { kQueued, kRunning, kRunningNotified, kParked, kDropped };

  // Cache-line aligned: jobs of different chains are written by different workers every tick.
  struct alignas(kCacheLine) Job {
    EntityItem* item = nullptr;
    ThreadPool* pool = nullptr;  // the pool it is pinned to, if any
    size_t pool_slot = 0;
    size_t pinned_worker = 0;  // index into workers_ + 1 of its pinned worker; 0: none
    std::atomic<JobState> state{JobState::kQueued};
    std::atomic<bool> unscheduled{false};
    bool python = false;  // its codelets run Python: it runs under the codelet call gate
    // Its terms signal their changes (EntityItem::waits_for_events): a polling scheduler
    // parks it on WAIT until an event instead of checking it again.
    bool parks_on_wait = false;
    SchedulingConditionType condition = SchedulingConditionType::kReady;
    uint32_t census_before = 0;  // census_period_ when its latest check began
    // The census period in which its latest WAIT verdict came from a check begun within it.
    std::atomic<uint32_t> fresh_period{0};
  };

  // One worker's part of the census of live entities not waiting (polling schedulers'
  // idleness): written only by its worker, as a sequence lock (three plain stores, no
  // read-modify-write: a shared counter here was a quarter of a 16-worker profile); the
  // supervisor sums the parts. The parts may go negative: an entity counted in on one worker
  // may be counted out on another.
  struct alignas(kCacheLine) CensusPart {
    std::atomic<uint64_t> version{0};  // odd while a change is being written
    std::atomic<int64_t> not_waiting{0};
    void add(int64_t delta);
    // The part and the version it belongs to (a consistent pair).
    int64_t read(uint64_t* version) const;
  };
  // The supervisor's view of the census across checks.
  struct CensusWatch {
    std::vector<uint64_t> versions;  // the parts' versions when the idle period began
    uint32_t period = 0;
    IdleTimer timer;
  };

  struct Worker {
    explicit Worker(size_t capacity) : deque(capacity), polls(capacity) {}
    size_t index = 0;
    bool runs_unpinned = true;
    bool pinned = false;               // serves a ThreadPool slot
    WorkStealingDeque<Job> deque;      // unpinned jobs this worker queued
    // The job this worker queued last, which it runs next (its owner's alone: not stolen, no
    // fence to take it). An entity woken by a tick runs on the core that has its message in
    // cache; the one it displaces goes to the deque, where idle workers may take it.
    Job* next = nullptr;
    bool in_python = false;            // in run_python: a woken job must stay stealable
    // WAIT jobs to check again (polling without recession), oldest first: the owner takes
    // them from the top too, so that each is checked in turn; thieves may take them.
    WorkStealingDeque<Job> polls;
    std::mutex inbox_mutex;            // pinned jobs for this worker
    std::deque<Job*> inbox;
    std::atomic<size_t> inbox_size{0};
    EventCount* sleep = nullptr;       // the event count this worker sleeps on
    std::unique_ptr<EventCount> own_sleep;  // strictly pinned workers sleep alone
    uint32_t steal_seed = 0;
    // The oldest job this worker last saw in each other worker's deque, and since when (its
    // own clock): a victim's few jobs are stolen only once they have waited (worth_stealing).
    struct Sighting {
      int64_t position = -1;  // WorkStealingDeque::oldest_position
      int64_t since = 0;
    };
    std::vector<Sighting> sightings;
    bool declined = false;  // its last look passed over a job not yet worth stealing
    int newest_in_a_row = 0;           // LIFO pops since the last FIFO one
    bool holds_gate = false;           // try_take gave it a Python job with the gate taken
    // The scheduler clock's time this worker read last, and the CPU's time-stamp counter
    // then (visit_time).
    int64_t time = 0;
    uint64_t time_tsc = 0;
    CensusPart census;
    // What this worker did in the run (its own writes only), printed at the end of the run when
    // GXF_SCHEDULER_STATS is set: whether load spread evenly and how much moved between cores.
    struct Stats {
      uint64_t visits = 0;    // jobs taken and visited
      uint64_t stolen = 0;    // of them, taken from another worker's deque
      uint64_t sleeps = 0;    // times it slept on its event count
      int64_t idle_ns = 0;    // time spent searching and sleeping
      int64_t started_ns = 0, ended_ns = 0;
    } stats;
    std::thread thread;
  };

  // Worker side.
  void run_worker(Worker* worker);
  Job* find_work(Worker* worker);
  Job* try_take(Worker* worker);
  // The worker's own newest job: its slot, else the bottom of its deque.
  Job* take_next(Worker* worker);
  Job* take_due_timers(Worker* worker);
  // Whether `thief` should take the oldest job of `victim`'s deque now (see kLoneJobNs).
  bool worth_stealing(Worker* thief, Worker* victim);
  void run_job(Worker* worker, Job* job);
  // What a visit learnt before executing its job: for polling schedulers, the time of the
  // check and its READY verdict, which the execution reuses (no second clock read or check).
  struct VisitCheck {
    bool checked = false;
    int64_t now = 0;
    SchedulingCondition verdict;
  };
  // run_job's two steps: the visit's bookkeeping and, for polling schedulers, the check
  // (false: the job was filed, nothing to run); then the execution and filing.
  bool begin_visit(Worker* worker, Job* job, VisitCheck* check);
  void execute_job(Worker* worker, Job* job, const VisitCheck& check);
  // A job whose codelets run Python: run under the codelet call gate, or queued for its holder.
  void run_python(Worker* worker, Job* job);
  void queue_python(Job* job);
  // Queues `job` for the gate's holder; when the holder left meanwhile, takes the gate and
  // returns the oldest queued job (*gate true), else null (*gate false).
  Job* hand_to_holder(Job* job, bool* gate);
  Job* take_python();
  bool check_before_running(Worker* worker, Job* job, VisitCheck* check);
  void file(Worker* worker, Job* job, SchedulingCondition condition);
  void park(Worker* worker, Job* job);
  // Queues a job that is due now: pinned inbox, this worker's deque, or the injection queue.
  void enqueue(Worker* worker, Job* job);
  void add_timer(Job* job, int64_t due);
  // Wakes one worker sleeping on shared_sleep_ to look for work, unless a wake is on its way
  // (wake_pending_): jobs queued until the woken worker looks are found by that look.
  void wake_a_sleeper();
  // An entity failed: keep the first code and stop the run.
  void stop_on_failure(gxf_result_t code);
  void count(Worker* worker, Job* job, SchedulingConditionType next);
  std::chrono::steady_clock::time_point next_timer_deadline();

  void request_stop(const char* reason);
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }

  // Supervisor side.
  void supervise();
  bool quiescent();
  // Whether a deque holds the same oldest job as at the last look (its worker is in a long
  // or blocking tick); records each deque's oldest job for the next look.
  bool look_for_stranded_jobs(std::vector<int64_t>* oldest_seen);
  // Polling schedulers: whether every live entity has been WAIT for the grace period, each
  // verdict from a check begun within it or held by a parked entity; lowers *wait_ns to
  // when to look again.
  bool census_idle_expired(CensusWatch* watch, int64_t* wait_ns);
  // The census parts' sum and versions, read twice until no part changed in between (a
  // consistent snapshot); false when the workers keep changing it.
  bool collect_census(std::vector<uint64_t>* versions, int64_t* not_waiting);
  bool verdicts_fresh(uint32_t period);
  void stop_all();
  // One line per worker of Worker::Stats on stderr (GXF_SCHEDULER_STATS set).
  void print_stats() const;

  void create_workers();
  // For each job (by index), a representative of the jobs queues connect it to.
  std::vector<size_t> pipelines() const;
  // How many pipelines (of pipelines()) hold unpinned jobs; how many workers run such jobs.
  size_t count_unpinned_pipelines(const std::vector<size_t>& pipeline) const;
  size_t unpinned_workers() const;
  void clear_run_state();

  Clock* clock() const { return clock_.get().get(); }

  // The hot path's policy answers, asked once per run (the hooks read parameters, which do not
  // change while it runs): four virtual calls per visit were 2% of a 1-worker profile.
  struct Policy {
    bool checks_before_running = false;
    bool idle_when_all_wait = false;
    bool polls_waiting = false;
    int64_t poll_period_ns = 0;
    bool ends_when_no_entity_left = false;
    uint32_t reacts_to = 0;  // bit 1 << EventType
    bool reacts(EventType event) const { return (reacts_to >> static_cast<int>(event)) & 1u; }
  };
  void take_policy();
  // The scheduler clock's time for a visit of `item`: the worker's last reading while it is
  // younger than kTimeReuseTicks of the time-stamp counter (about a microsecond) and not
  // earlier than the entity's last tick, else a fresh one. A clock read was an eighth of a
  // visit (a vDSO call, more under a hypervisor); the counter costs a few cycles.
  int64_t visit_time(Worker* worker, const EntityItem* item);
  Policy policy_;

  std::vector<std::unique_ptr<Job>> jobs_;
  std::vector<std::unique_ptr<Worker>> workers_;
  bool polls_now_ = false;        // WAIT jobs are re-checked at once: the polls deques are used
  bool pins_ = false;             // some job is pinned to a ThreadPool slot's worker
  bool oversubscribed_ = false;   // more workers than the machine has cores
  // Fewer pipelines than workers: a job left in a busy worker's deque wakes a sleeper even
  // when it is one of kFewJobs (splitting pipelines is then the only parallelism). With a
  // pipeline for every worker, only a surplus does: 16 chains on 16 workers ran 8-10% faster
  // (CPU-bound ones 10-20%), where each wake had sent a sleeper to split a chain or to search
  // and sleep again (400-700 sleeps per worker in 0.2 s). Few jobs left behind a long or
  // blocking tick are then found by the supervisor (look_for_stranded_jobs, every
  // kStrandedLookNs), or woken for as a worker starts Python (run_python).
  bool wakes_for_few_jobs_ = true;
  EventCount shared_sleep_;       // workers that run unpinned jobs sleep here
  std::thread supervisor_;
  std::mutex join_mutex_;  // wait() may come from two threads (graph_wait, context destroy)

  // Jobs queued by threads that are not workers (external events, unschedule).
  std::mutex injection_mutex_;
  std::deque<Job*> injection_;
  std::atomic<size_t> injection_size_{0};

  // Python jobs that found the codelet call gate taken, for whoever holds it next.
  std::mutex python_mutex_;
  std::deque<Job*> python_jobs_;
  std::atomic<size_t> python_size_{0};
  std::atomic<bool> python_watch_{false};  // a sleeper looks again for queued Python jobs

  // Jobs waiting for a time (WAIT_TIME, polled WAIT), on the scheduler clock.
  std::mutex timer_mutex_;
  TimedJobQueue<Job*> timers_;
  std::atomic<int64_t> next_timer_due_{INT64_MAX};

  // Read on every visit; kept off the lines that workers write when they search or sleep.
  alignas(kCacheLine) std::atomic<bool> stopping_{false};
  alignas(kCacheLine) std::atomic<int> searching_{0};    // workers looking for a job to steal
  std::atomic<int> awake_workers_{0};
  std::atomic<uint64_t> wakeups_{0};  // times a worker stopped sleeping (progress marker)
  // A wake of a shared_sleep_ sleeper is announced and not yet taken up: set by the one
  // notifier that wakes, cleared by workers as they wake or go to sleep. Once a worker slept,
  // every job reaching a deque on every busy worker took the event count's mutex and a futex
  // wake, and the kernel's lock behind them became the largest item of a 16-worker profile.
  alignas(kCacheLine) std::atomic<bool> wake_pending_{false};

  // Census for the deadlock rule, updated when an entity's filed condition changes class.
  alignas(kCacheLine) std::atomic<int64_t> live_{0};        // entities not NEVER
  std::atomic<int64_t> waiting_event_{0};
  // Live entities not WAIT = census_base_ + the workers' CensusParts (polling schedulers).
  int64_t census_base_ = 0;
  // Advanced by the supervisor when an idle period begins: a WAIT verdict counts for a period
  // only from a check begun within it (one begun before may have missed the last message).
  std::atomic<uint32_t> census_period_{1};

  std::mutex supervisor_mutex_;
  std::condition_variable supervisor_wake_;
  std::atomic<const char*> stop_reason_{nullptr};
  std::atomic<gxf_result_t> result_{GXF_SUCCESS};
  std::atomic<bool> running_{false};
  bool started_once_ = false;
  RunClock run_clock_;
  static thread_local Worker* t_worker;  // the worker running on this thread, if any
  static thread_local ParallelScheduler* t_owner;
};

}  // namespace gxf
}  // namespace nvidia
