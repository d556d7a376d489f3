// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/parallel_scheduler.hpp"

#include <pthread.h>
#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#endif

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <utility>

#include "gxf/core/codelet_call_gate.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/std/cpu_thread.hpp"

namespace nvidia {
namespace gxf {

namespace {

using Condition = SchedulingConditionType;
using SteadyTime = std::chrono::steady_clock::time_point;

constexpr int64_t kForever = INT64_MAX;
constexpr const char* kDeadlock =
    "deadlock: no entity is ready, waiting for a time or waiting for an event";

// A worker takes its newest job (locality) this many times in a row, then its oldest one,
// looks at the injection queue and the timers: nothing queued waits forever behind a busy
// pipeline.
constexpr int kNewestInARow = 32;
// Work often arrives within microseconds (the next hop of a pipeline on another worker): a
// worker out of work keeps looking this long before it sleeps.
constexpr int64_t kSearchNs = 20'000;
// A victim's deque holding at most kFewJobs jobs is a pipeline its worker is running (the
// job a tick displaced from the worker's slot): the worker takes them back within a visit or
// two. Stolen at once, every hop of that pipeline would cross cores, which costs more than
// trivial ticks themselves (a chain left alone finished sooner than split over two workers).
// Such jobs are stolen only once a thief has seen them waiting kLoneJobNs: the victim is in a
// long tick, or descheduled, and then the parallelism is worth the move. (At 4 us, thieves of
// 20 us ticks idled a fifth of each: event-based 11.5x at 16 workers, 15.0x at 2 us; trivial
// rates the same at both.)
constexpr size_t kFewJobs = 2;
constexpr int64_t kLoneJobNs = 2'000;
// A worker that went to sleep after passing over such a job looks again after this long: the
// job's owner may be in a long tick and push nothing that would wake a sleeper.
constexpr int64_t kDeclinedRecheckNs = 50'000;
// Python entities a gate holder runs in a row before it looks at other work.
constexpr int kPythonInARow = 64;
// A worker that sleeps while Python entities wait for a gate held outside the workers (a
// thread calling Python through the codelet call lock) looks again after this long: that
// holder does not wake workers when it leaves.
constexpr int64_t kPythonRecheckNs = 1'000'000;
// How often the supervisor of a polling scheduler reads the census for idleness.
constexpr int64_t kCensusLookNs = 1'000'000;
// How often the supervisor looks for jobs stranded in a deque (the same oldest job at two
// looks) while lone jobs wake no one (wakes_for_few_jobs_ false): their worker is in a long
// or blocking tick, and a sleeper must take them. 1 ms: a look costs two loads per worker,
// and the supervisor's own wake-up is its only other cost.
constexpr int64_t kStrandedLookNs = 1'000'000;

// How long (in time-stamp counter ticks) a worker reuses its last clock reading: about a
// microsecond at the 1-4 GHz that counters run at. Zero where there is no cheap counter.
#if defined(__x86_64__) || defined(__i386__)
constexpr uint64_t kTimeReuseTicks = 2048;
inline uint64_t time_stamp_counter() { return __rdtsc(); }
#else
constexpr uint64_t kTimeReuseTicks = 0;
inline uint64_t time_stamp_counter() { return 0; }
#endif

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

void name_thread(const std::string& name) {
  pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
}

bool counts_as_not_waiting(Condition type) {
  return type != Condition::kWait && type != Condition::kNever;
}

}  // namespace

thread_local ParallelScheduler::Worker* ParallelScheduler::t_worker = nullptr;
thread_local ParallelScheduler* ParallelScheduler::t_owner = nullptr;

void ParallelScheduler::register_common_parameters(Registrar* registrar) {
  registrar->parameter(clock_, "clock", "Clock", "Clock that defines the flow of time");
  limits_.register_parameters(registrar);
  registrar->parameter(worker_thread_number_, "worker_thread_number", "Worker threads",
                       "Threads that run unpinned entities (at least 1)", int64_t{1});
  registrar->parameter(thread_pool_allocation_auto_, "thread_pool_allocation_auto",
                       "Automatic pool allocation",
                       "Informational: worker threads always come from the default pool plus "
                       "one per ThreadPool slot",
                       true);
  registrar->range(worker_thread_number_, 1, kMaxWorkerThreads);
}

ParallelScheduler::~ParallelScheduler() {
  // Never destroy a joinable thread (std::terminate).
  if (supervisor_.joinable()) {
    stop();
    wait();
  }
}

gxf_result_t ParallelScheduler::initialize() {
  started_once_ = false;
  return GXF_SUCCESS;
}

gxf_result_t ParallelScheduler::deinitialize() {
  if (supervisor_.joinable()) {
    stop();
    wait();
  }
  for (const auto& job : jobs_) job->item->scheduler_data = nullptr;
  jobs_.clear();
  workers_.clear();
  return GXF_SUCCESS;
}

gxf_result_t ParallelScheduler::schedule(EntityItem* item) {
  if (running_.load()) {
    return fail(GXF_INVALID_LIFECYCLE_STAGE, "entities cannot join a running graph");
  }
  const Entity& entity = *item->entity();
  std::vector<CPUThread*> cpu_threads = entity.find_all<CPUThread>();
  if (cpu_threads.size() > 1) {
    return fail(GXF_FAILURE, "entity '%s' has %zu CPUThread components; at most one is allowed",
                entity.name().c_str(), cpu_threads.size());
  }
  auto job = std::make_unique<Job>();
  job->item = item;
  job->python = item->runs_python();
  job->parks_on_wait = item->waits_for_events();
  if (!cpu_threads.empty() && cpu_threads[0]->pinned()) {
    ThreadPool* pool = find_entity_resource<ThreadPool>(entity);
    if (pool) {
      job->pool = pool;
      job->pool_slot = pool->add_pinned(entity.eid());
    } else {
      GXF_LOG_ERROR("Entity '%s' asks for a pinned thread, but its entity group has no "
                    "ThreadPool; it runs on the default workers",
                    entity.name().c_str());
    }
  }
  item->scheduler_data = job.get();
  jobs_.push_back(std::move(job));
  return GXF_SUCCESS;
}

gxf_result_t ParallelScheduler::unschedule(EntityItem* item) {
  auto* job = static_cast<Job*>(item->scheduler_data);
  if (!job) return GXF_SUCCESS;
  if (!running_.load()) {
    item->scheduler_data = nullptr;
    jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(),
                               [job](const auto& entry) { return entry.get() == job; }),
                jobs_.end());
    return GXF_SUCCESS;
  }
  // Its next visit files it NEVER; a parked one is queued for that visit.
  job->unscheduled.store(true);
  JobState parked = JobState::kParked;
  if (job->state.compare_exchange_strong(parked, JobState::kQueued)) enqueue(nullptr, job);
  return GXF_SUCCESS;
}

gxf_result_t ParallelScheduler::run_async() {
  if (started_once_) {
    return fail(GXF_INVALID_LIFECYCLE_STAGE,
                "the scheduler already ran; deactivate and activate the graph to run again");
  }
  started_once_ = true;
  take_policy();
  polls_now_ = policy_.polls_waiting && policy_.poll_period_ns <= 0;
  clear_run_state();
  run_clock_.start(clock(), max_duration_is_wall_time());
  create_workers();
  // Every entity starts READY (its first visit starts it), spread over the workers by
  // pipeline: the entities a queue connects start on one worker, where the messages between
  // them then keep them (a woken entity joins its waker's deque). Dealt one by one, the four
  // stages of 16 chains started on four workers each, and every hop crossed cores.
  std::vector<size_t> pipeline = pipelines();
  wakes_for_few_jobs_ = count_unpinned_pipelines(pipeline) < unpinned_workers();
  std::vector<size_t> worker_of_pipeline(jobs_.size(), SIZE_MAX);
  size_t next = 0;
  for (size_t i = 0; i < jobs_.size(); ++i) {
    Job* job = jobs_[i].get();
    if (job->pinned_worker != 0) {
      Worker* owner = workers_[job->pinned_worker - 1].get();
      owner->inbox.push_back(job);
      owner->inbox_size.store(owner->inbox.size());
      continue;
    }
    size_t& worker = worker_of_pipeline[pipeline[i]];
    if (worker == SIZE_MAX) {
      while (!workers_[next % workers_.size()]->runs_unpinned) ++next;
      worker = next++ % workers_.size();
    }
    workers_[worker]->deque.push(job);
  }
  live_.store(static_cast<int64_t>(jobs_.size()));
  census_base_ = static_cast<int64_t>(jobs_.size());  // every entity starts READY
  if (policy_.ends_when_no_entity_left && limits_.stop_on_deadlock.get() && jobs_.empty()) {
    request_stop("no entities to schedule");
  }
  running_.store(true);
  awake_workers_.store(static_cast<int>(workers_.size()));
  // Threads start only once workers_ is complete: thieves walk it.
  for (const auto& worker : workers_) {
    Worker* self = worker.get();
    self->thread = std::thread([this, self] {
      name_thread("gxf-worker-" + std::to_string(self->index));
      run_worker(self);
    });
  }
  supervisor_ = std::thread([this] { supervise(); });
  return GXF_SUCCESS;
}

std::vector<size_t> ParallelScheduler::pipelines() const {
  // Union-find over the jobs, joined along every queue connection (receiver <- transmitter).
  std::vector<size_t> parent(jobs_.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto root = [&parent](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::unordered_map<const EntityItem*, size_t> index;
  for (size_t i = 0; i < jobs_.size(); ++i) index[jobs_[i]->item] = i;
  for (size_t i = 0; i < jobs_.size(); ++i) {
    for (Receiver* receiver : jobs_[i]->item->receivers()) {
      for (Transmitter* source : receiver->sources()) {
        auto found = index.find(static_cast<const EntityItem*>(source->entity()->executor_item));
        if (found != index.end()) parent[root(found->second)] = root(i);
      }
    }
  }
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = root(i);
  return parent;
}

size_t ParallelScheduler::count_unpinned_pipelines(const std::vector<size_t>& pipeline) const {
  std::vector<bool> seen(jobs_.size(), false);
  size_t count = 0;
  for (size_t i = 0; i < jobs_.size(); ++i) {
    if (jobs_[i]->pinned_worker == 0 && !seen[pipeline[i]]) {
      seen[pipeline[i]] = true;
      ++count;
    }
  }
  return count;
}

size_t ParallelScheduler::unpinned_workers() const {
  return static_cast<size_t>(std::count_if(
      workers_.begin(), workers_.end(), [](const auto& worker) { return worker->runs_unpinned; }));
}

void ParallelScheduler::take_policy() {
  policy_ = Policy();
  policy_.checks_before_running = checks_before_running();
  policy_.idle_when_all_wait = idle_when_all_wait();
  policy_.polls_waiting = polls_waiting(&policy_.poll_period_ns);
  policy_.ends_when_no_entity_left = ends_when_no_entity_left();
  for (EventType event : {EventType::kCustom, EventType::kExternal, EventType::kMemoryFree,
                          EventType::kMessageSync, EventType::kTimeUpdate,
                          EventType::kStateUpdate}) {
    if (reacts_to(event)) policy_.reacts_to |= 1u << static_cast<int>(event);
  }
}

void ParallelScheduler::clear_run_state() {
  stopping_.store(false);
  stop_reason_.store(nullptr);
  result_.store(GXF_SUCCESS);
  timers_.clear();
  next_timer_due_.store(kForever);
  injection_.clear();
  injection_size_.store(0);
  python_jobs_.clear();
  python_size_.store(0);
  python_watch_.store(false);
  searching_.store(0);
  wakeups_.store(0);
  wake_pending_.store(false);
  waiting_event_.store(0);
  census_period_.store(1);
  for (const auto& job : jobs_) {
    job->state.store(JobState::kQueued);
    job->unscheduled.store(false);
    job->condition = Condition::kReady;
    job->pinned_worker = 0;
    job->fresh_period.store(0);
  }
}

void ParallelScheduler::create_workers() {
  workers_.clear();
  pins_ = false;
  const size_t capacity = jobs_.size() + 1;
  for (int64_t i = 0; i < worker_thread_number_.get(); ++i) {
    auto worker = std::make_unique<Worker>(capacity);
    worker->sleep = &shared_sleep_;
    workers_.push_back(std::move(worker));
  }
  // One worker per ThreadPool slot: the slot of a pinned entity, and free slots when
  // pinned workers may run unpinned entities (else they would have nothing to do).
  std::vector<ThreadPool*> pools;
  for (const auto& job : jobs_) {
    if (job->pool && std::find(pools.begin(), pools.end(), job->pool) == pools.end()) {
      pools.push_back(job->pool);
    }
  }
  for (ThreadPool* pool : pools) {
    for (size_t slot = 0; slot < pool->size(); ++slot) {
      Job* owner = nullptr;
      for (const auto& job : jobs_) {
        if (job->pool == pool && job->pool_slot == slot) owner = job.get();
      }
      if (!owner && !pinned_workers_run_unpinned()) continue;
      auto worker = std::make_unique<Worker>(capacity);
      worker->pinned = true;
      worker->runs_unpinned = pinned_workers_run_unpinned();
      if (worker->runs_unpinned) {
        worker->sleep = &shared_sleep_;
      } else {
        worker->own_sleep = std::make_unique<EventCount>();
        worker->sleep = worker->own_sleep.get();
      }
      workers_.push_back(std::move(worker));
      if (owner) {
        owner->pinned_worker = workers_.size();
        pins_ = true;
      }
    }
  }
  oversubscribed_ = workers_.size() > std::max(1u, std::thread::hardware_concurrency());
  for (size_t i = 0; i < workers_.size(); ++i) {
    workers_[i]->index = i;
    workers_[i]->steal_seed = static_cast<uint32_t>(i * 2654435761u + 1);
    workers_[i]->sightings.assign(workers_.size(), Worker::Sighting{});
  }
}

gxf_result_t ParallelScheduler::stop() {
  if (running_.load()) request_stop("interrupted");
  return GXF_SUCCESS;
}

gxf_result_t ParallelScheduler::wait() {
  std::lock_guard<std::mutex> join_lock(join_mutex_);
  if (supervisor_.joinable()) supervisor_.join();
  // A stop request still notifying holds this lock: let it finish before the caller may
  // destroy the scheduler.
  { std::lock_guard<std::mutex> lock(supervisor_mutex_); }
  return result_.load();
}

gxf_result_t ParallelScheduler::event_notify(gxf_uid_t eid, EventType event) {
  if (!running_.load(std::memory_order_acquire)) return GXF_SUCCESS;
  EntityItem* item = executor_->item(eid);
  return item ? event_notify_item(item, event) : GXF_SUCCESS;
}

gxf_result_t ParallelScheduler::event_notify_item(EntityItem* item, EventType event) {
  if (!running_.load(std::memory_order_acquire)) return GXF_SUCCESS;
  auto* job = static_cast<Job*>(item->scheduler_data);
  // A polling scheduler hears every event for the entities it parks on WAIT.
  if (!job || !(policy_.reacts(event) || job->parks_on_wait)) return GXF_SUCCESS;
  // A parked job is queued by whoever moves it out of kParked; a running one is marked, and
  // its park() then queues it instead. The first exchange is also the full fence that orders
  // the message this event announces before our look at the state (begin_visit pairs with
  // it: a job we see queued, not yet running, checks its terms after that message).
  // Retried until one of them holds: the job may park between our looks.
  JobState state = JobState::kParked;
  while (true) {
    if (state == JobState::kParked) {
      if (job->state.compare_exchange_strong(state, JobState::kQueued,
                                             std::memory_order_seq_cst)) {
        // A message sent by a tick on one of our workers: the entity goes to its deque.
        enqueue(t_owner == this ? t_worker : nullptr, job);
        return GXF_SUCCESS;
      }
    } else if (state == JobState::kRunning) {
      if (job->state.compare_exchange_strong(state, JobState::kRunningNotified,
                                             std::memory_order_seq_cst)) {
        return GXF_SUCCESS;
      }
    } else {
      return GXF_SUCCESS;  // queued (it checks its terms before it runs), notified, dropped
    }
  }
}

// --- Workers

void ParallelScheduler::run_worker(Worker* worker) {
  t_worker = worker;
  t_owner = this;
  worker->stats = {};
  worker->stats.started_ns = steady_now_ns();
  while (Job* job = find_work(worker)) {
    ++worker->stats.visits;
    if (job->python) {
      run_python(worker, job);
    } else {
      run_job(worker, job);
    }
  }
  worker->stats.ended_ns = steady_now_ns();
  t_worker = nullptr;
  t_owner = nullptr;
}

// Python ticks run one at a time (the codelet call gate). A worker that finds the gate taken
// does not wait for it: it queues the entity for the gate's holder and goes on with other
// work. The holder runs what was queued before it lets the gate go for good. Neither side
// can miss the other: the queuer tries the gate once more after queuing, and the holder looks
// at the queue after leaving (sequentially consistent, see CodeletCallGate).
void ParallelScheduler::run_python(Worker* worker, Job* job) {
  if (job->pinned_worker != 0 || !worker->runs_unpinned) {
    run_job(worker, job);  // only this worker may run it: it waits in the codelet call
    return;
  }
  // Python jobs may follow one another on this worker for a while: what their ticks wake
  // goes to the deque, where other workers take it, not to the slot behind them.
  struct InPython {
    Worker* worker;
    ~InPython() { worker->in_python = false; }
  } in_python{worker};
  worker->in_python = true;
  if (Job* next = std::exchange(worker->next, nullptr)) enqueue(worker, next);
  // Python ticks may be long or block (a provider waiting for data): what this worker queued
  // before is for others to take meanwhile.
  if (!wakes_for_few_jobs_ && !worker->deque.empty() &&
      searching_.load(std::memory_order_relaxed) == 0) {
    wake_a_sleeper();
  }
  bool gate = worker->holds_gate;
  worker->holds_gate = false;
  int ran = 0;
  while (job) {
    if (!gate && !CodeletCallGate::free()) {
      // Another worker runs Python: it takes this job from the queue, terms checked and
      // all; looking at the terms here would contend for the queues it is using.
      job = hand_to_holder(job, &gate);
      continue;
    }
    // Terms are checked without the gate (they are C++): a polled entity that still waits
    // is filed again without taking the gate from other Python.
    VisitCheck check;
    if (begin_visit(worker, job, &check)) {
      if (!gate && !(gate = CodeletCallGate::try_enter())) {
        job = hand_to_holder(job, &gate);
        continue;
      }
      execute_job(worker, job, check);
      ++ran;
    }
    job = nullptr;
    if (!gate) return;
    // Keep the gate for the next queued job: the interpreter's data stays in this core's
    // cache, and other workers, finding the gate taken, leave the queue to this one.
    if (ran < kPythonInARow && !CodeletCallGate::contended() && (job = take_python())) continue;
    CodeletCallGate::leave();
    gate = false;
    // A blocked enter() (a pinned worker, a call from outside) gets the gate next; what is
    // queued is then taken by workers through try_take. Looked at after leaving: a job
    // queued while this worker held the gate is not left behind.
    if (ran >= kPythonInARow || python_size_.load() == 0 || CodeletCallGate::contended() ||
        !(gate = CodeletCallGate::try_enter())) {
      return;
    }
    job = take_python();
  }
  if (gate) CodeletCallGate::leave();
}

ParallelScheduler::Job* ParallelScheduler::hand_to_holder(Job* job, bool* gate) {
  job->state.store(JobState::kQueued, std::memory_order_relaxed);
  queue_python(job);
  // The holder may have left before the job was queued: try once more.
  *gate = CodeletCallGate::try_enter();
  return *gate ? take_python() : nullptr;
}

void ParallelScheduler::queue_python(Job* job) {
  std::lock_guard<std::mutex> lock(python_mutex_);
  python_jobs_.push_back(job);
  python_size_.store(python_jobs_.size());
}

ParallelScheduler::Job* ParallelScheduler::take_python() {
  std::lock_guard<std::mutex> lock(python_mutex_);
  if (python_jobs_.empty()) return nullptr;
  Job* job = python_jobs_.front();
  python_jobs_.pop_front();
  python_size_.store(python_jobs_.size());
  return job;
}

ParallelScheduler::Job* ParallelScheduler::find_work(Worker* worker) {
  if (stopping()) return nullptr;
  if (Job* job = try_take(worker)) return job;
  // Out of work: the rest of the search counts as idle time.
  struct Idle {
    Worker::Stats& stats;
    const int64_t since = steady_now_ns();
    ~Idle() { stats.idle_ns += steady_now_ns() - since; }
  } idle{worker->stats};
  while (!stopping()) {
    if (Job* job = try_take(worker)) return job;
    // Look for work to steal for a while before sleeping.
    if (worker->runs_unpinned) {
      searching_.fetch_add(1);
      const int64_t until = steady_now_ns() + kSearchNs;
      Job* job = nullptr;
      while (!stopping()) {
        // A job passed over near the end of the search is looked at until it is worth taking.
        const int64_t now = steady_now_ns();
        if (now >= (worker->declined ? until + kLoneJobNs : until)) break;
        if ((job = try_take(worker))) break;
        for (int i = 0; i < 64; ++i) cpu_relax();
      }
      // The last searcher to find work wakes a sleeper to take over the search: more work
      // may have been queued while only searchers were there to see it.
      if (searching_.fetch_sub(1) == 1 && job) wake_a_sleeper();
      if (job) return job;
    }
    // Sleep: announce it, look once more, then sleep unless something came meanwhile.
    EventCount* sleep = worker->sleep;
    const uint64_t key = sleep->prepare_wait();
    if (sleep == &shared_sleep_) {
      // A wake announced before this point may have gone to no one: announce anew. Ordered
      // before the look below (wake_a_sleeper's fence pairs with this one): a job pushed
      // meanwhile is either seen by that look or wakes this worker.
      wake_pending_.store(false, std::memory_order_relaxed);
      std::atomic_thread_fence(std::memory_order_seq_cst);
    }
    if (Job* job = try_take(worker)) {
      sleep->cancel_wait();
      return job;
    }
    if (stopping()) {
      sleep->cancel_wait();
      break;
    }
    SteadyTime deadline = worker->runs_unpinned ? next_timer_deadline() : SteadyTime::max();
    if (worker->runs_unpinned && worker->declined) {
      deadline = std::min(deadline, std::chrono::steady_clock::now() +
                                        std::chrono::nanoseconds(kDeclinedRecheckNs));
    }
    // Python jobs queued for the gate's holder: that holder may be a thread outside the
    // workers, or a tick that let the gate go while it blocks (call_without_codelet_lock), and
    // neither wakes a worker when it leaves. One sleeper at a time looks again after
    // kPythonRecheckNs: when each did, idle workers woke every millisecond of a Python graph's
    // run (2,600 times each in 2.8 s, on 16 workers).
    bool watches_python = false;
    if (worker->runs_unpinned && python_size_.load() > 0 && !python_watch_.exchange(true)) {
      watches_python = true;
      deadline = std::min(deadline, std::chrono::steady_clock::now() +
                                        std::chrono::nanoseconds(kPythonRecheckNs));
    }
    if (awake_workers_.fetch_sub(1) == 1) {
      // Every worker sleeps: the supervisor judges whether the run is idle.
      { std::lock_guard<std::mutex> lock(supervisor_mutex_); }
      supervisor_wake_.notify_all();
    }
    ++worker->stats.sleeps;
    sleep->commit_wait(key, deadline);
    if (watches_python) python_watch_.store(false);
    if (sleep == &shared_sleep_) wake_pending_.store(false, std::memory_order_relaxed);
    awake_workers_.fetch_add(1);
    wakeups_.fetch_add(1);
  }
  return nullptr;
}

ParallelScheduler::Job* ParallelScheduler::try_take(Worker* worker) {
  if (worker->pinned && worker->inbox_size.load(std::memory_order_acquire) > 0) {
    std::lock_guard<std::mutex> lock(worker->inbox_mutex);
    if (!worker->inbox.empty()) {
      Job* job = worker->inbox.front();
      worker->inbox.pop_front();
      worker->inbox_size.store(worker->inbox.size(), std::memory_order_release);
      return job;
    }
  }
  if (!worker->runs_unpinned) return nullptr;
  // Mostly the newest job of its own (what its last tick woke: hot in this core's cache);
  // now and then the oldest, the injection queue and the timers, for fairness.
  Job* job = nullptr;
  if (++worker->newest_in_a_row < kNewestInARow) {
    if ((job = take_next(worker))) return job;
  }
  // Python entities queued for the gate's holder: taken when the gate is free.
  if (CodeletCallGate::free() && python_size_.load() > 0 && CodeletCallGate::try_enter()) {
    if ((job = take_python())) {
      worker->holds_gate = true;
      return job;
    }
    CodeletCallGate::leave();
  }
  worker->newest_in_a_row = 0;
  if ((job = worker->deque.steal())) return job;
  if (injection_size_.load(std::memory_order_acquire) > 0) {
    std::lock_guard<std::mutex> lock(injection_mutex_);
    if (!injection_.empty()) {
      job = injection_.front();
      injection_.pop_front();
      injection_size_.store(injection_.size(), std::memory_order_release);
      return job;
    }
  }
  const int64_t next_due = next_timer_due_.load(std::memory_order_acquire);
  if (next_due != kForever && next_due <= clock()->timestamp()) {
    if ((job = take_due_timers(worker))) return job;
  }
  if ((job = take_next(worker))) return job;
  // Steal, starting from a pseudo-random victim.
  const size_t count = workers_.size();
  uint32_t& seed = worker->steal_seed;
  seed ^= seed << 13;
  seed ^= seed >> 17;
  seed ^= seed << 5;
  const size_t first = seed % count;
  worker->declined = false;
  for (size_t i = 0; i < count; ++i) {
    Worker* victim = workers_[(first + i) % count].get();
    // An empty look costs two plain loads; steal() also fences.
    if (victim == worker || victim->deque.empty()) continue;
    if (!worth_stealing(worker, victim)) continue;
    if ((job = victim->deque.steal())) {
      ++worker->stats.stolen;
      return job;
    }
  }
  // Entities to poll go round all workers: one descheduled by the OS (oversubscribed
  // cores) does not hold back the entities it polled last.
  if (!polls_now_) return nullptr;
  for (size_t i = 0; i < count; ++i) {
    Worker* victim = workers_[(first + i) % count].get();
    if (victim != worker && !victim->polls.empty() && (job = victim->polls.steal())) return job;
  }
  if ((job = worker->polls.steal())) return job;
  return nullptr;
}

bool ParallelScheduler::worth_stealing(Worker* thief, Worker* victim) {
  if (victim->deque.size() > kFewJobs) return true;
  const int64_t oldest = victim->deque.oldest_position();
  if (oldest < 0) return false;
  Worker::Sighting& seen = thief->sightings[victim->index];
  const int64_t now = steady_now_ns();
  if (seen.position != oldest) {
    seen = {oldest, now};
  } else if (now - seen.since >= kLoneJobNs) {
    return true;
  }
  thief->declined = true;
  return false;
}

ParallelScheduler::Job* ParallelScheduler::take_next(Worker* worker) {
  if (Job* job = worker->next) {
    worker->next = nullptr;
    return job;
  }
  return worker->deque.pop();
}

ParallelScheduler::Job* ParallelScheduler::take_due_timers(Worker* worker) {
  Job* mine = nullptr;
  std::vector<Job*> pinned;
  {
    std::lock_guard<std::mutex> lock(timer_mutex_);
    const int64_t now = clock()->timestamp();
    while (!timers_.empty() && timers_.next_due() <= now) {
      Job* job = timers_.pop();
      if (job->pinned_worker != 0) {
        pinned.push_back(job);
      } else if (!mine) {
        mine = job;
      } else {
        worker->deque.push(job);
      }
    }
    next_timer_due_.store(timers_.next_due(), std::memory_order_release);
  }
  for (Job* job : pinned) enqueue(worker, job);
  if (searching_.load() == 0 && !worker->deque.empty()) wake_a_sleeper();
  return mine;
}

SteadyTime ParallelScheduler::next_timer_deadline() {
  const int64_t due = next_timer_due_.load(std::memory_order_acquire);
  if (due == kForever) return SteadyTime::max();
  return std::chrono::steady_clock::now() + std::chrono::nanoseconds(wall_ns_until(clock(), due));
}

void ParallelScheduler::run_job(Worker* worker, Job* job) {
  VisitCheck check;
  if (begin_visit(worker, job, &check)) execute_job(worker, job, check);
}

bool ParallelScheduler::begin_visit(Worker* worker, Job* job, VisitCheck* check) {
  // Sequentially consistent: the terms are checked after this store, and an event that
  // still saw the job queued was sent after its message (see event_notify_item).
  job->state.store(JobState::kRunning, std::memory_order_seq_cst);
  if (policy_.idle_when_all_wait) {
    job->census_before = census_period_.load(std::memory_order_acquire);
  }
  if (job->unscheduled.load()) {
    file(worker, job, {Condition::kNever, 0});
    return false;
  }
  return !policy_.checks_before_running || !job->item->is_started() ||
         check_before_running(worker, job, check);
}

void ParallelScheduler::execute_job(Worker* worker, Job* job, const VisitCheck& check) {
  SchedulingCondition condition;
  // One clock read per visit: the look after the tick uses the time the tick was given (a
  // term that is due a little later is then filed as a timer instead of READY, which costs
  // less than a second clock read on every visit of every worker).
  const int64_t now = check.checked ? check.now : visit_time(worker, job->item);
  gxf_result_t code = check.checked ? job->item->execute_ready(now, check.verdict, &condition)
                                    : job->item->execute(now, &condition);
  // READY means it started or ticked: its terms changed, so look again before filing it.
  const bool ran = code == GXF_SUCCESS && condition.type == Condition::kReady;
  if (ran) code = job->item->check(now, &condition);
  if (code != GXF_SUCCESS) {
    GXF_LOG_ERROR("Entity '%s' failed: %s", job->item->entity()->name().c_str(),
                  result_str(code));
    stop_on_failure(code);
    return;
  }
  file(worker, job, condition);
}

int64_t ParallelScheduler::visit_time(Worker* worker, const EntityItem* item) {
  const uint64_t tsc = time_stamp_counter();
  if (tsc - worker->time_tsc < kTimeReuseTicks && worker->time >= item->last_timestamp()) {
    return worker->time;
  }
  worker->time = clock()->timestamp();
  worker->time_tsc = tsc;
  return worker->time;
}

bool ParallelScheduler::check_before_running(Worker* worker, Job* job, VisitCheck* check) {
  SchedulingCondition condition;
  const int64_t now = visit_time(worker, job->item);
  gxf_result_t code = job->item->check(now, &condition);
  if (code != GXF_SUCCESS) {
    GXF_LOG_ERROR("Entity '%s' failed its check: %s", job->item->entity()->name().c_str(),
                  result_str(code));
    stop_on_failure(code);
    return false;
  }
  if (condition.type == Condition::kReady) {
    count(worker, job, Condition::kReady);
    *check = {true, now, condition};
    return true;
  }
  file(worker, job, condition);
  return false;
}

void ParallelScheduler::file(Worker* worker, Job* job, SchedulingCondition condition) {
  count(worker, job, condition.type);
  if (stopping()) return;
  switch (condition.type) {
    case Condition::kReady:
      job->state.store(JobState::kQueued, std::memory_order_relaxed);
      enqueue(worker, job);
      break;
    case Condition::kWaitTime:
      add_timer(job, condition.target_timestamp);
      break;
    case Condition::kWait:
      // Before the job is handed over: another worker may take it at once.
      if (policy_.idle_when_all_wait &&
          census_period_.load(std::memory_order_acquire) == job->census_before) {
        job->fresh_period.store(job->census_before, std::memory_order_release);
      }
      // An entity whose terms signal their changes waits for an event: checking it again
      // before one can only say WAIT again (on 16 workers, such polling cost more than the
      // ticks it waited for).
      if (!policy_.polls_waiting || job->parks_on_wait) {
        park(worker, job);
      } else if (policy_.poll_period_ns > 0) {
        add_timer(job, clock()->timestamp() + policy_.poll_period_ns);
      } else {
        job->state.store(JobState::kQueued, std::memory_order_relaxed);
        if (job->pinned_worker != 0 || !worker->runs_unpinned) {
          enqueue(worker, job);
        } else {
          // Checked again after what is queued now (a deque would return it first).
          worker->polls.push(job);
        }
        // A pinned job runs only on its own worker: workers spinning through fruitless
        // checks must let it have a core, or on more threads than cores each hop to a
        // pinned entity waits a whole time slice (20 ms a message on 2 cores: a graph that
        // never seems to end). The same when there are more workers than cores: the job a
        // fruitless check waits for may sit with a worker the OS has descheduled.
        if (pins_ || oversubscribed_) std::this_thread::yield();
      }
      break;
    case Condition::kWaitEvent:
      park(worker, job);
      break;
    case Condition::kNever:
      job->state.store(JobState::kDropped);
      if (live_.fetch_sub(1) == 1 && policy_.ends_when_no_entity_left &&
          limits_.stop_on_deadlock.get()) {
        request_stop("no entities left to schedule");
      }
      break;
  }
}

void ParallelScheduler::count(Worker* worker, Job* job, Condition next) {
  const Condition previous = job->condition;
  if (previous == next) return;
  job->condition = next;
  if (previous == Condition::kWaitEvent) waiting_event_.fetch_sub(1);
  if (next == Condition::kWaitEvent) waiting_event_.fetch_add(1);
  if (!policy_.idle_when_all_wait) return;
  const bool was = counts_as_not_waiting(previous);
  const bool is = counts_as_not_waiting(next);
  if (was != is) worker->census.add(is ? 1 : -1);
}

void ParallelScheduler::CensusPart::add(int64_t delta) {
  // Only this part's worker writes it: plain stores, ordered for the reader's retry loop.
  const uint64_t begun = version.load(std::memory_order_relaxed) + 1;
  version.store(begun, std::memory_order_relaxed);
  std::atomic_thread_fence(std::memory_order_release);
  not_waiting.store(not_waiting.load(std::memory_order_relaxed) + delta,
                    std::memory_order_relaxed);
  version.store(begun + 1, std::memory_order_release);
}

int64_t ParallelScheduler::CensusPart::read(uint64_t* at) const {
  while (true) {
    const uint64_t before = version.load(std::memory_order_acquire);
    const int64_t value = not_waiting.load(std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_acquire);
    if ((before & 1) == 0 && version.load(std::memory_order_relaxed) == before) {
      *at = before;
      return value;
    }
    cpu_relax();
  }
}

void ParallelScheduler::park(Worker* worker, Job* job) {
  JobState running = JobState::kRunning;
  if (job->state.compare_exchange_strong(running, JobState::kParked, std::memory_order_seq_cst)) {
    return;
  }
  // An event came while the entity ran (kRunningNotified): its verdict may be stale.
  job->state.store(JobState::kQueued, std::memory_order_relaxed);
  enqueue(worker, job);
}

void ParallelScheduler::enqueue(Worker* worker, Job* job) {
  if (job->pinned_worker != 0) {
    Worker* owner = workers_[job->pinned_worker - 1].get();
    {
      std::lock_guard<std::mutex> lock(owner->inbox_mutex);
      owner->inbox.push_back(job);
      owner->inbox_size.store(owner->inbox.size(), std::memory_order_release);
    }
    // A shared event count may wake another sleeper than the owner: wake them all.
    owner->sleep->notify_all();
    return;
  }
  if (job->python) {
    // Python jobs wait in one queue of their own for the gate's holder: in a deque, idle
    // workers would steal them only to find the gate taken.
    queue_python(job);
    // A worker running Python takes it next itself; others may be asleep with the gate free.
    if (CodeletCallGate::holds() == 0 && searching_.load(std::memory_order_relaxed) == 0) {
      shared_sleep_.notify_one();
    }
    return;
  }
  if (worker) {
    if (worker->runs_unpinned && !worker->in_python) {
      // The newest job runs next from the slot; the one it displaces is queued for all.
      std::swap(job, worker->next);
      if (!job) return;
    }
    worker->deque.push(job);
    if (!worker->runs_unpinned) {
      // A strictly pinned worker never runs this job itself: always wake a worker that
      // can. (Skipping it while a worker searched could lose the job: the push may not be
      // visible yet to a searcher that just gave up, and it would sleep.)
      shared_sleep_.notify_one();
    } else if (searching_.load(std::memory_order_relaxed) == 0 &&
               (wakes_for_few_jobs_ || worker->in_python || worker->deque.size() > kFewJobs)) {
      // Surplus: the worker runs its slot next (or Python), so a job reaching its deque is
      // worth waking a sleeper for; searching workers will find it anyway. Unless every
      // worker has a pipeline of its own (wakes_for_few_jobs_ false): then the few jobs a
      // worker's own pipeline left in its deque are its to run, and a woken sleeper would
      // only split that pipeline over two cores or search and sleep again.
      wake_a_sleeper();
    }
    return;
  }
  {
    std::lock_guard<std::mutex> lock(injection_mutex_);
    injection_.push_back(job);
    injection_size_.store(injection_.size(), std::memory_order_release);
  }
  shared_sleep_.notify_one();
}

void ParallelScheduler::wake_a_sleeper() {
  // Pairs with the fence after a sleeper withdraws the announcement (find_work): either its
  // last look sees the job just queued, or this sees no wake pending.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (wake_pending_.load(std::memory_order_relaxed)) return;
  if (wake_pending_.exchange(true, std::memory_order_acq_rel)) return;
  shared_sleep_.notify_one();
}

void ParallelScheduler::add_timer(Job* job, int64_t due) {
  job->state.store(JobState::kQueued, std::memory_order_relaxed);
  bool earliest;
  {
    std::lock_guard<std::mutex> lock(timer_mutex_);
    earliest = due < timers_.next_due();
    timers_.push(due, job);
    next_timer_due_.store(timers_.next_due(), std::memory_order_release);
  }
  // Sleepers chose their deadline from the old earliest time.
  if (earliest) shared_sleep_.notify_all();
}

void ParallelScheduler::stop_on_failure(gxf_result_t code) {
  gxf_result_t success = GXF_SUCCESS;
  result_.compare_exchange_strong(success, code);
  request_stop("an entity failed");
}

void ParallelScheduler::request_stop(const char* reason) {
  // Held throughout: the supervisor sees stopping_ only under this lock, so the scheduler
  // (possibly destroyed right after the run ends) outlives these notifications.
  std::lock_guard<std::mutex> lock(supervisor_mutex_);
  bool running = false;
  if (!stopping_.compare_exchange_strong(running, true)) return;
  stop_reason_.store(reason);
  GXF_LOG_INFO("%s: stopping: %s", describe().c_str(), reason);
  shared_sleep_.notify_all();
  for (const auto& worker : workers_) {
    if (worker->own_sleep) worker->own_sleep->notify_all();
  }
  supervisor_wake_.notify_all();
}

// --- Supervisor

void ParallelScheduler::supervise() {
  name_thread("gxf-supervisor");
  IdleTimer quiet;  // quiescence of the workers (event-driven idleness)
  uint64_t quiet_wakeups = 0;
  CensusWatch census;  // all entities waiting (polling idleness)
  // Each deque's oldest job at the last look for stranded jobs.
  std::vector<int64_t> oldest_seen(workers_.size(), -1);
  std::unique_lock<std::mutex> lock(supervisor_mutex_);
  while (!stopping()) {
    int64_t wait_ns = kForever;
    if (!wakes_for_few_jobs_) {
      if (look_for_stranded_jobs(&oldest_seen)) wake_a_sleeper();
      wait_ns = kStrandedLookNs;
    }
    const char* reason = nullptr;
    const int64_t left = run_clock_.remaining_ns(limits_);
    if (left == 0) {
      reason = "max_duration_ms reached";
    } else {
      wait_ns = std::min(wait_ns, left);
    }
    if (!reason && !idle_when_all_wait() && limits_.stop_on_deadlock.get()) {
      if (quiescent()) {
        const uint64_t wakeups = wakeups_.load();
        // A worker that woke (and slept again) in between made progress.
        if (!quiet.idle() || wakeups != quiet_wakeups) quiet.restart(steady_now_ns());
        quiet_wakeups = wakeups;
        if (quiet.expired(deadlock_grace_ms(), steady_now_ns(), &wait_ns)) reason = kDeadlock;
      } else {
        quiet.end();
      }
    }
    if (!reason && idle_when_all_wait() && limits_.stop_on_deadlock.get() &&
        census_idle_expired(&census, &wait_ns)) {
      reason = kDeadlock;
    }
    if (reason) {
      lock.unlock();
      request_stop(reason);
      lock.lock();
      break;
    }
    if (wait_ns == kForever) {
      supervisor_wake_.wait(lock);
    } else {
      supervisor_wake_.wait_for(lock, std::chrono::nanoseconds(wait_ns));
    }
  }
  lock.unlock();
  stop_all();
}

bool ParallelScheduler::look_for_stranded_jobs(std::vector<int64_t>* oldest_seen) {
  bool stranded = false;
  for (size_t i = 0; i < workers_.size(); ++i) {
    // A position names one queued job for as long as it is the oldest (see
    // WorkStealingDeque::oldest_position); the owner takes its oldest at least every
    // kNewestInARow jobs, so one that is still there a look later waits behind a long tick.
    const int64_t oldest = workers_[i]->deque.oldest_position();
    if (oldest >= 0 && oldest == (*oldest_seen)[i]) stranded = true;
    (*oldest_seen)[i] = oldest;
  }
  return stranded;
}

bool ParallelScheduler::quiescent() {
  if (awake_workers_.load() != 0 || injection_size_.load() != 0 || waiting_event_.load() != 0 ||
      python_size_.load() != 0 || next_timer_due_.load() != kForever) {
    return false;
  }
  for (const auto& worker : workers_) {
    if (!worker->deque.empty() || !worker->polls.empty() || worker->inbox_size.load() != 0) {
      return false;
    }
  }
  return awake_workers_.load() == 0;
}

bool ParallelScheduler::census_idle_expired(CensusWatch* watch, int64_t* wait_ns) {
  // Nothing tells the supervisor that the census reached zero (that would put a shared
  // write back on the hot path): it looks every kCensusLookNs.
  *wait_ns = std::min(*wait_ns, kCensusLookNs);
  std::vector<uint64_t> versions;
  int64_t not_waiting = 0;
  if (!collect_census(&versions, &not_waiting) || not_waiting != 0) {
    watch->timer.end();
    return false;
  }
  const int64_t now = steady_now_ns();
  if (!watch->timer.idle() || versions != watch->versions) {
    // Idle now, and some entity changed class since the last look (or none was idle): a new
    // period, in which verdicts count only from checks begun after this point.
    watch->versions = std::move(versions);
    watch->period = census_period_.fetch_add(1) + 1;
    watch->timer.restart(now);
    return false;
  }
  // No entity changed class since the period began, so none ticked: a verdict from within
  // the period saw every message there is.
  return verdicts_fresh(watch->period) && watch->timer.expired(deadlock_grace_ms(), now, wait_ns);
}

bool ParallelScheduler::collect_census(std::vector<uint64_t>* versions, int64_t* not_waiting) {
  const size_t count = workers_.size();
  std::vector<uint64_t> first(count);
  versions->assign(count, 0);
  for (int attempt = 0; attempt < 4; ++attempt) {
    for (size_t i = 0; i < count; ++i) workers_[i]->census.read(&first[i]);
    int64_t sum = census_base_;
    for (size_t i = 0; i < count; ++i) sum += workers_[i]->census.read(&(*versions)[i]);
    // Unchanged versions: no part changed between the two reads, so the second read is the
    // census at one instant (an entity counted out on one worker after being counted in on
    // another cannot be seen half-moved).
    if (first == *versions) {
      *not_waiting = sum;
      return true;
    }
  }
  return false;
}

bool ParallelScheduler::verdicts_fresh(uint32_t period) {
  for (const auto& job : jobs_) {
    const JobState state = job->state.load(std::memory_order_acquire);
    // A parked entity heard no event since its check: its WAIT still holds.
    if (state == JobState::kDropped || state == JobState::kParked) continue;
    if (job->fresh_period.load(std::memory_order_acquire) != period) return false;
  }
  return true;
}

void ParallelScheduler::stop_all() {
  for (const auto& worker : workers_) {
    if (worker->thread.joinable()) worker->thread.join();
  }
  if (std::getenv("GXF_SCHEDULER_STATS")) print_stats();
  // As in GXF, stop() failures at the end of a run are only logged.
  gxf_result_t code = executor_->stop_all();
  if (code != GXF_SUCCESS) {
    GXF_LOG_WARNING("%s: stopping the entities: %s", describe().c_str(), result_str(code));
  }
  running_.store(false);
}

void ParallelScheduler::print_stats() const {
  for (const auto& worker : workers_) {
    const Worker::Stats& stats = worker->stats;
    const int64_t lived = std::max<int64_t>(1, stats.ended_ns - stats.started_ns);
    std::fprintf(stderr,
                 "%s worker %zu: %llu visits (%llu stolen), %llu sleeps, idle %.1f%% of %.3f s\n",
                 describe().c_str(), worker->index,
                 static_cast<unsigned long long>(stats.visits),
                 static_cast<unsigned long long>(stats.stolen),
                 static_cast<unsigned long long>(stats.sleeps), 100.0 * stats.idle_ns / lived,
                 lived / 1e9);
  }
}

}  // namespace gxf
}  // namespace nvidia
