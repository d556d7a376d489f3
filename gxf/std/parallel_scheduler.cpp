// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/parallel_scheduler.hpp"

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <string>

#include "gxf/core/logger.hpp"
#include "gxf/std/clocks.hpp"
#include "gxf/std/cpu_thread.hpp"

namespace nvidia {
namespace gxf {

namespace {

using Condition = SchedulingConditionType;

// Waits are re-checked at least this often: a scaled or externally driven clock may move
// differently from wall time.
constexpr int64_t kWallClockSliceNs = 1'000'000'000;
constexpr int64_t kOtherClockSliceNs = 100'000'000;
constexpr int64_t kForever = INT64_MAX;
constexpr const char* kDeadlock =
    "deadlock: no entity is ready, waiting for a time or waiting for an event";

constexpr int kLockSpins = 200;
constexpr int kPollsPerYield = 16;
constexpr int kMaxContinuations = 64;
constexpr int64_t kIdleSpinNs = 20'000;

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

void name_thread(const std::string& name) {
  pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
}

}  // namespace

void ParallelScheduler::register_common_parameters(Registrar* registrar) {
  registrar->parameter(clock_, "clock", "Clock", "Clock that defines the flow of time");
  registrar->parameter(max_duration_ms_, "max_duration_ms", "Max duration [ms]",
                       "Stop the graph after this long (unset: run until the work is done)",
                       kParameterFlagsOptional);
  registrar->parameter(stop_on_deadlock_, "stop_on_deadlock", "Stop on deadlock",
                       "End the run when nothing can make progress any more", true);
  registrar->parameter(worker_thread_number_, "worker_thread_number", "Worker threads",
                       "Threads that run unpinned entities (at least 1)", int64_t{1});
  registrar->parameter(thread_pool_allocation_auto_, "thread_pool_allocation_auto",
                       "Automatic pool allocation",
                       "Informational: worker threads always come from the default pool plus "
                       "one per ThreadPool slot",
                       true);
  registrar->parameter(stop_on_deadlock_timeout_, "stop_on_deadlock_timeout",
                       "Deadlock timeout [ms]",
                       "How long a deadlock must last before the run ends (< 0: never)",
                       int64_t{0});
  registrar->range(max_duration_ms_, 0, kMaxDurationMs);
  registrar->range(worker_thread_number_, 1, kMaxWorkerThreads);
  registrar->range(stop_on_deadlock_timeout_, INT64_MIN, kMaxDurationMs);
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
  pinned_lanes_.clear();
  pools_.clear();
  workers_.clear();
  return GXF_SUCCESS;
}

size_t ParallelScheduler::lane_for(EntityItem* item, gxf_result_t* code) {
  const Entity& entity = *item->entity();
  std::vector<CPUThread*> cpu_threads = entity.find_all<CPUThread>();
  if (cpu_threads.size() > 1) {
    *code = fail(GXF_FAILURE, "entity '%s' has %zu CPUThread components; at most one is allowed",
                 entity.name().c_str(), cpu_threads.size());
    return 0;
  }
  if (cpu_threads.empty() || !cpu_threads[0]->pinned()) return 0;
  ThreadPool* pool = find_entity_resource<ThreadPool>(entity);
  if (!pool) {
    GXF_LOG_ERROR("Entity '%s' asks for a pinned thread, but its entity group has no ThreadPool; "
                  "it runs on the default workers",
                  entity.name().c_str());
    return 0;
  }
  size_t slot = pool->add_pinned(entity.eid());
  if (std::find(pools_.begin(), pools_.end(), pool) == pools_.end()) pools_.push_back(pool);
  pinned_lanes_.emplace_back(pool, slot);
  return pinned_lanes_.size();
}

gxf_result_t ParallelScheduler::schedule(EntityItem* item) {
  if (running_.load()) {
    return fail(GXF_INVALID_LIFECYCLE_STAGE, "entities cannot join a running graph");
  }
  gxf_result_t code = GXF_SUCCESS;
  size_t lane = lane_for(item, &code);
  if (code != GXF_SUCCESS) return code;
  auto job = std::make_unique<Job>();
  job->item = item;
  job->lane = lane;
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
  job->unscheduled.store(true);
  Lock lock = lock_board();
  wake_parked_locked(job);
  wake_worker_locked(job->lane);
  return GXF_SUCCESS;
}

gxf_result_t ParallelScheduler::run_async() {
  if (started_once_) {
    return fail(GXF_INVALID_LIFECYCLE_STAGE,
                "the scheduler already ran; deactivate and activate the graph to run again");
  }
  started_once_ = true;
  clear_run_state();
  start_clock_ns_ = clock()->timestamp();
  start_wall_ns_ = wall_now_ns();
  {
    Lock lock(mutex_);
    // Every entity starts READY: its first visit starts it.
    for (const auto& job : jobs_) {
      job->condition = Condition::kReady;
      ++counters_.ready;
      queue_locked(job.get(), start_clock_ns_);
    }
    if (ends_when_no_entity_left() && stop_on_deadlock_.get() && jobs_.empty()) {
      request_stop_locked("no entities to schedule");
    }
    refresh_idle_locked();
  }
  running_.store(true);
  start_workers();
  supervisor_ = std::thread([this] { supervise(); });
  return GXF_SUCCESS;
}

void ParallelScheduler::clear_run_state() {
  lanes_.assign(pinned_lanes_.size() + 1, TimedJobQueue<Job*>());
  counters_ = Counters();
  stopping_ = false;
  stopping_hint_.store(false);
  queued_hint_.store(0);
  idle_ = false;
  stop_reason_ = nullptr;
  result_ = GXF_SUCCESS;
  for (const auto& job : jobs_) {
    job->state.store(JobState::kQueued);
    job->notified.store(false);
    job->unscheduled.store(false);
  }
}

void ParallelScheduler::start_workers() {
  workers_.clear();
  for (int64_t i = 0; i < worker_thread_number_.get(); ++i) {
    workers_.push_back(std::make_unique<Worker>());
    workers_.back()->owner = this;
  }
  for (ThreadPool* pool : pools_) {
    for (size_t slot = 0; slot < pool->size(); ++slot) {
      auto owner = std::find(pinned_lanes_.begin(), pinned_lanes_.end(), std::make_pair(pool, slot));
      size_t lane = owner == pinned_lanes_.end() ? 0 : (owner - pinned_lanes_.begin()) + 1;
      // A slot without an entity is only useful if it may run unpinned entities.
      if (lane == 0 && !pinned_workers_run_unpinned()) continue;
      auto worker = std::make_unique<Worker>();
      worker->owner = this;
      worker->own_lane = lane;
      worker->runs_unpinned = pinned_workers_run_unpinned();
      workers_.push_back(std::move(worker));
    }
  }
  // Threads start only once workers_ is complete: wake_worker_locked() walks it.
  for (size_t i = 0; i < workers_.size(); ++i) {
    Worker* worker = workers_[i].get();
    worker->thread = std::thread([this, worker, i] {
      name_thread("gxf-worker-" + std::to_string(i));
      run_worker(worker);
    });
  }
}

gxf_result_t ParallelScheduler::stop() {
  Lock lock(mutex_);
  if (running_.load()) request_stop_locked("interrupted");
  return GXF_SUCCESS;
}

gxf_result_t ParallelScheduler::wait() {
  std::lock_guard<std::mutex> join_lock(join_mutex_);
  if (supervisor_.joinable()) supervisor_.join();
  return result_;
}

gxf_result_t ParallelScheduler::event_notify(gxf_uid_t eid, EventType event) {
  if (!reacts_to(event) || !running_.load(std::memory_order_acquire)) return GXF_SUCCESS;
  EntityItem* item = executor_->item(eid);
  auto* job = item ? static_cast<Job*>(item->scheduler_data) : nullptr;
  if (!job) return GXF_SUCCESS;
  // Pairs with park_locked(): either the parker sees `notified`, or we see kParked.
  job->notified.store(true);
  if (job->state.load() != JobState::kParked) return GXF_SUCCESS;
  // Message events come from the executor at the end of a tick on one of our workers: that
  // worker wakes the entity when it files its visit, under the lock it takes anyway.
  Worker* worker = t_worker;
  if (event == EventType::kMessageSync && worker && worker->owner == this) {
    worker->deferred.push_back(job);
    return GXF_SUCCESS;
  }
  Lock lock = lock_board();
  wake_parked_locked(job);
  wake_worker_locked(job->lane);
  refresh_idle_locked();
  return GXF_SUCCESS;
}

// --- Workers

thread_local ParallelScheduler::Worker* ParallelScheduler::t_worker = nullptr;

void ParallelScheduler::run_worker(Worker* worker) {
  t_worker = worker;
  Visit visit;
  while (Job* job = next_job(worker, &visit)) visit = visit_entity(job);
  t_worker = nullptr;
}

ParallelScheduler::Job* ParallelScheduler::next_job(Worker* worker, Visit* visit) {
  Lock lock = lock_board();
  if (visit->job && visit->code != GXF_SUCCESS) {
    fail_locked(visit->code);
    return nullptr;
  }
  // Of the entities this visit's messages woke, this worker keeps the first it may run: its
  // input is hot in this core's cache. A bounded number of times in a row, so that jobs in
  // the lanes are not starved by a busy pipeline.
  Job* kept = nullptr;
  for (Job* job : worker->deferred) {
    if (job->state.load() != JobState::kParked || stopping_) continue;
    if (!kept && worker->continuations < kMaxContinuations && serves(worker, job->lane)) {
      job->notified.store(false);
      kept = job;
    } else {
      wake_parked_locked(job);
    }
  }
  worker->deferred.clear();
  if (visit->job) {
    file_locked(visit->job, visit->condition, visit->ran);
    visit->job = nullptr;
  }
  Job* job = nullptr;
  if (kept && !stopping_) {
    ++worker->continuations;
    job = begin_job_locked(kept);
    refresh_idle_locked();  // the filing above may have seen nothing running
  } else {
    worker->continuations = 0;
    refresh_idle_locked();
    job = wait_for_work(worker, lock);
  }
  // Whatever this visit queued and this worker does not take, another worker may.
  if (job) wake_for_queued_locked();
  return job;
}

ParallelScheduler::Job* ParallelScheduler::begin_job_locked(Job* job) {
  ++counters_.running;
  job->notified.store(false);
  job->state.store(JobState::kRunning);
  return job;
}

bool ParallelScheduler::serves(const Worker* worker, size_t lane) const {
  return lane == worker->own_lane || (lane == 0 && worker->runs_unpinned);
}

ParallelScheduler::Job* ParallelScheduler::wait_for_work(Worker* worker, Lock& lock) {
  bool spun = false;
  int polls = 0;
  while (!stopping_) {
    TimedJobQueue<Job*>* lane = nullptr;
    int64_t due = kForever;
    if (worker->own_lane != 0 && !lanes_[worker->own_lane].empty()) {
      lane = &lanes_[worker->own_lane];
      due = lane->next_due();
    }
    if (worker->runs_unpinned && lanes_[0].next_due() < due) {
      lane = &lanes_[0];
      due = lane->next_due();
    }
    if (lane && due <= clock()->timestamp()) {
      Job* job = begin_job_locked(lane->pop());
      --counters_.queued;
      queued_hint_.store(counters_.queued, std::memory_order_relaxed);
      if (!checks_before_running() || !job->item->is_started()) return job;
      if (check_before_running_locked(job)) return job;
      // Polling found it waiting. With a zero recession period this loop never runs dry:
      // let the supervisor, interrupts and other workers at the board now and then.
      lock.unlock();
      if (++polls % kPollsPerYield == 0) std::this_thread::yield();
      lock = lock_board();
      continue;
    }
    if (!lane && !spun) {
      // Work often arrives within microseconds (the next hop of a pipeline): spin briefly
      // before paying for a sleep and a wake-up.
      spun = true;
      lock.unlock();
      spin_until_queued(worker);
      lock = lock_board();
      continue;
    }
    spun = false;
    wake_for_queued_locked();  // before sleeping: jobs this worker leaves to others
    worker->waiting = true;
    worker->wait_until = lane ? due : kForever;
    if (lane) {
      worker->wake.wait_for(lock, std::chrono::nanoseconds(wall_ns_until(due)));
    } else {
      worker->wake.wait(lock);
    }
    worker->waiting = false;
  }
  return nullptr;
}

bool ParallelScheduler::check_before_running_locked(Job* job) {
  // The dispatcher's check of a polling scheduler, done under the board lock like GXF's
  // single dispatcher: no other worker can judge the graph idle while this entity's verdict
  // is pending, and a READY entity counts as READY while it runs.
  SchedulingCondition condition;
  gxf_result_t code = job->item->check(clock()->timestamp(), &condition);
  if (code != GXF_SUCCESS) {
    GXF_LOG_ERROR("Entity '%s' failed its check: %s", job->item->entity()->name().c_str(),
                  result_str(code));
    fail_locked(code);
    return false;
  }
  if (condition.type == Condition::kReady) {
    count_locked(job, Condition::kReady);
    idle_ = false;
    return true;
  }
  file_locked(job, condition, false);
  return false;
}

ParallelScheduler::Visit ParallelScheduler::visit_entity(Job* job) {
  Visit visit;
  visit.job = job;
  if (job->unscheduled.load()) {
    visit.condition = {Condition::kNever, 0};
    return visit;
  }
  visit.code = job->item->execute(clock()->timestamp(), &visit.condition);
  // READY means it started or ticked: its terms changed, so look again before filing it.
  visit.ran = visit.code == GXF_SUCCESS && visit.condition.type == Condition::kReady;
  if (visit.ran) visit.code = job->item->check(clock()->timestamp(), &visit.condition);
  if (visit.code != GXF_SUCCESS) {
    GXF_LOG_ERROR("Entity '%s' failed: %s", job->item->entity()->name().c_str(),
                  result_str(visit.code));
  }
  return visit;
}

void ParallelScheduler::file_locked(Job* job, SchedulingCondition condition, bool ran) {
  --counters_.running;
  // A start or tick is progress: idleness, if any, begins anew from here.
  if (ran) idle_ = false;
  count_locked(job, condition.type);
  if (!stopping_) {
    int64_t now = clock()->timestamp();
    int64_t poll_period_ns = 0;
    switch (condition.type) {
      case Condition::kReady:
        queue_locked(job, now);
        break;
      case Condition::kWaitTime:
        queue_locked(job, condition.target_timestamp);
        break;
      case Condition::kWait:
        if (polls_waiting(&poll_period_ns)) {
          queue_locked(job, now + poll_period_ns);
        } else {
          park_locked(job);
        }
        break;
      case Condition::kWaitEvent:
        park_locked(job);
        break;
      case Condition::kNever:
        job->state.store(JobState::kDropped);
        break;
    }
    const Counters& c = counters_;
    if (ends_when_no_entity_left() && stop_on_deadlock_.get() &&
        c.ready + c.wait_time + c.wait_event + c.wait == 0) {
      request_stop_locked("no entities left to schedule");
    }
  }
  refresh_idle_locked();
  if (deadlock_checked_on_filing() && deadlock_expired_locked() && !any_queued_ready_locked()) {
    request_stop_locked(kDeadlock);
  }
}

void ParallelScheduler::fail_locked(gxf_result_t code) {
  --counters_.running;
  if (result_ == GXF_SUCCESS) result_ = code;
  request_stop_locked("an entity failed");
}

// --- Board (mutex_ held)

ParallelScheduler::Lock ParallelScheduler::lock_board() {
  // Critical sections are a few hundred nanoseconds: spinning a little is much cheaper than
  // sleeping in the kernel and being woken.
  Lock lock(mutex_, std::try_to_lock);
  for (int i = 0; !lock.owns_lock() && i < kLockSpins; ++i) {
    cpu_relax();
    lock.try_lock();
  }
  if (!lock.owns_lock()) lock.lock();
  return lock;
}

void ParallelScheduler::spin_until_queued(Worker* worker) {
  if (worker->runs_unpinned) unpinned_spinners_.fetch_add(1);
  const int64_t until = wall_now_ns() + kIdleSpinNs;
  while (queued_hint_.load(std::memory_order_relaxed) == 0 && !stopping_hint_.load() &&
         wall_now_ns() < until) {
    for (int i = 0; i < 32; ++i) cpu_relax();
  }
  if (worker->runs_unpinned) unpinned_spinners_.fetch_sub(1);
}

void ParallelScheduler::queue_locked(Job* job, int64_t due) {
  job->state.store(JobState::kQueued);
  lanes_[job->lane].push(due, job);
  ++counters_.queued;
  queued_hint_.store(counters_.queued, std::memory_order_relaxed);
}

void ParallelScheduler::park_locked(Job* job) {
  job->state.store(JobState::kParked);
  // An event that came while the entity ran saw it busy and left only the flag.
  if (job->notified.exchange(false)) queue_locked(job, clock()->timestamp());
}

void ParallelScheduler::wake_parked_locked(Job* job) {
  if (job->state.load() != JobState::kParked || stopping_) return;
  job->notified.store(false);
  queue_locked(job, clock()->timestamp());
}

void ParallelScheduler::count_locked(Job* job, SchedulingConditionType next) {
  auto counter = [this](SchedulingConditionType type) -> int64_t* {
    switch (type) {
      case Condition::kReady: return &counters_.ready;
      case Condition::kWaitTime: return &counters_.wait_time;
      case Condition::kWaitEvent: return &counters_.wait_event;
      case Condition::kWait: return &counters_.wait;
      case Condition::kNever: return nullptr;
    }
    return nullptr;
  };
  if (int64_t* previous = counter(job->condition)) --*previous;
  if (int64_t* current = counter(next)) ++*current;
  job->condition = next;
}

void ParallelScheduler::wake_worker_locked(size_t lane) {
  const int64_t due = lanes_[lane].next_due();
  if (due == kForever) return;
  // A spinning worker takes a job that is due now without being woken.
  if (lane == 0 && unpinned_spinners_.load() > 0 && due <= clock()->timestamp()) return;
  Worker* candidate = nullptr;
  for (const auto& worker : workers_) {
    if (!worker->waiting) continue;
    if (!serves(worker.get(), lane)) continue;
    if (worker->wait_until <= due) return;  // it wakes up in time by itself
    if (!candidate) candidate = worker.get();
  }
  if (candidate) {
    candidate->waiting = false;
    candidate->wake.notify_one();
  }
}

void ParallelScheduler::wake_for_queued_locked() {
  wake_worker_locked(0);
  for (size_t lane = 1; lane < lanes_.size(); ++lane) wake_worker_locked(lane);
}

void ParallelScheduler::refresh_idle_locked() {
  bool idle = stop_on_deadlock_.get() && is_idle(counters_);
  if (idle && !idle_) {
    idle_ = true;
    idle_since_ns_ = wall_now_ns();
    supervisor_wake_.notify_one();
  } else if (!idle) {
    idle_ = false;
  }
}

bool ParallelScheduler::deadlock_expired_locked() const {
  const double grace_ms = deadlock_grace_ms();
  if (!idle_ || grace_ms < 0) return false;
  return wall_now_ns() - idle_since_ns_ >= static_cast<int64_t>(grace_ms * 1e6);
}

bool ParallelScheduler::any_queued_ready_locked() {
  // Polled entities are judged by their last check, which may be stale when the workers were
  // descheduled for longer than the grace period. Before calling it a deadlock, look again.
  const int64_t now = clock()->timestamp();
  for (const auto& job : jobs_) {
    if (job->state.load() != JobState::kQueued || !job->item->is_started()) continue;
    SchedulingCondition condition;
    if (job->item->check(now, &condition) == GXF_SUCCESS &&
        condition.type == Condition::kReady) {
      idle_ = false;
      return true;
    }
  }
  return false;
}

void ParallelScheduler::request_stop_locked(const char* reason) {
  if (stopping_) return;
  stopping_ = true;
  stopping_hint_.store(true);
  stop_reason_ = reason;
  GXF_LOG_INFO("%s: stopping: %s", describe().c_str(), reason);
  for (const auto& worker : workers_) worker->wake.notify_one();
  supervisor_wake_.notify_one();
}

// --- Supervisor

void ParallelScheduler::supervise() {
  name_thread("gxf-supervisor");
  Lock lock(mutex_);
  while (!stopping_) {
    int64_t wait_ns = kForever;
    if (max_duration_reached_locked(&wait_ns)) {
      request_stop_locked("max_duration_ms reached");
    } else if (!deadlock_checked_on_filing() && deadlock_reached_locked(&wait_ns)) {
      request_stop_locked(kDeadlock);
    } else if (wait_ns == kForever) {
      supervisor_wake_.wait(lock);
    } else {
      supervisor_wake_.wait_for(lock, std::chrono::nanoseconds(wait_ns));
    }
  }
  lock.unlock();
  stop_all();
}

bool ParallelScheduler::max_duration_reached_locked(int64_t* wait_ns) {
  if (!max_duration_ms_.is_set()) return false;
  const int64_t limit_ns = max_duration_ms_.get() * 1'000'000;
  int64_t remaining_ns;
  if (max_duration_is_wall_time()) {
    remaining_ns = start_wall_ns_ + limit_ns - wall_now_ns();
  } else if (clock()->timestamp() - start_clock_ns_ > limit_ns) {
    remaining_ns = 0;
  } else {
    remaining_ns = std::max<int64_t>(1, wall_ns_until(start_clock_ns_ + limit_ns + 1));
  }
  *wait_ns = std::min(*wait_ns, remaining_ns);
  return remaining_ns <= 0;
}

bool ParallelScheduler::deadlock_reached_locked(int64_t* wait_ns) {
  const double grace_ms = deadlock_grace_ms();
  if (!idle_ || grace_ms < 0) return false;
  if (deadlock_expired_locked()) return true;
  const int64_t grace_ns = static_cast<int64_t>(grace_ms * 1e6);
  *wait_ns = std::min(*wait_ns, idle_since_ns_ + grace_ns - wall_now_ns());
  return false;
}

void ParallelScheduler::stop_all() {
  for (const auto& worker : workers_) {
    if (worker->thread.joinable()) worker->thread.join();
  }
  // As in GXF, stop() failures at the end of a run are only logged.
  gxf_result_t code = executor_->stop_all();
  if (code != GXF_SUCCESS) {
    GXF_LOG_WARNING("%s: stopping the entities: %s", describe().c_str(), result_str(code));
  }
  running_.store(false);
}

int64_t ParallelScheduler::wall_ns_until(int64_t target) const {
  Clock* time = clock();
  int64_t now = time->timestamp();
  if (target <= now) return 0;
  if (!time->is_wall_clock()) return kOtherClockSliceNs;
  double scale = 1.0;
  if (auto* realtime = dynamic_cast<RealtimeClock*>(time)) scale = realtime->time_scale();
  double wall_ns = static_cast<double>(target - now) / scale;
  return std::min<int64_t>(kWallClockSliceNs, static_cast<int64_t>(wall_ns) + 1);
}

int64_t ParallelScheduler::wall_now_ns() const {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace gxf
}  // namespace nvidia
