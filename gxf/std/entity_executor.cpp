// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/entity_executor.hpp"

#include <pthread.h>

#include <algorithm>
#include <new>
#include <stdexcept>
#include <string>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/std/scheduler.hpp"

namespace nvidia {
namespace gxf {

namespace {

bool failed(gxf_result_t code) { return code != GXF_SUCCESS; }

// Keeps a component's failure in the run, with its reason, for the caller of wait().
gxf_result_t record_failure(const Component* component, gxf_result_t code, const char* what) {
  if (Context* context = component->context()) {
    context->record_run_failure(component_failure(component, code, what));
  }
  return code;
}

uint64_t current_thread_id() { return static_cast<uint64_t>(pthread_self()); }

const char* phase_name(CodeletPhase phase) {
  switch (phase) {
    case CodeletPhase::kStart:
      return "start";
    case CodeletPhase::kTick:
      return "tick";
    case CodeletPhase::kStop:
      return "stop";
  }
  return "";
}

}  // namespace

EntityItem::EntityItem(EntityExecutor* executor, Entity* entity)
    : executor_(executor), entity_(entity) {
  entity->executor_item = this;
  // The executor holds a reference while the entity is activated, as GXF's does: an activated
  // codelet entity reads a reference count of 2 (GXF's own test_core checks it).
  entity->acquire();
  codelets_ = entity->find_all<Codelet>();
  receivers_ = entity->find_all<Receiver>();
  transmitters_ = entity->find_all<Transmitter>();
  combiners_ = entity->find_all<SchedulingTermCombiner>();
  std::vector<SchedulingTerm*> combined;
  for (SchedulingTermCombiner* combiner : combiners_) {
    for (SchedulingTerm* term : combiner->terms()) combined.push_back(term);
  }
  for (SchedulingTerm* term : entity->find_all<SchedulingTerm>()) {
    if (std::find(combined.begin(), combined.end(), term) == combined.end()) {
      terms_.push_back(term);
    }
  }
  for (SchedulingTerm* term : terms_) {
    waits_for_events_ = waits_for_events_ && term->signals_changes();
  }
  for (SchedulingTermCombiner* combiner : combiners_) {
    waits_for_events_ = waits_for_events_ && combiner->signals_changes();
  }
}

gxf_result_t EntityItem::execute(int64_t now, SchedulingCondition* condition) {
  return execute_with(now, nullptr, condition);
}

gxf_result_t EntityItem::execute_ready(int64_t now, const SchedulingCondition& verdict,
                                       SchedulingCondition* condition) {
  return execute_with(now, &verdict, condition);
}

gxf_result_t EntityItem::execute_with(int64_t now, const SchedulingCondition* verdict,
                                      SchedulingCondition* condition) {
  gxf_result_t code;
  {
    std::lock_guard<SpinLock> lock(execution_mutex_);
    try {
      code = execute_locked(now, verdict, condition);
    } catch (const std::exception& error) {
      code = fail_on_exception(error);
    }
  }
  for (Monitor* monitor : executor_->monitors()) monitor->on_execute(eid(), now, code);
  return code;
}

gxf_result_t EntityItem::execute_locked(int64_t now, const SchedulingCondition* verdict,
                                        SchedulingCondition* condition) {
  discard_failure();
  EntityStatus status = status_.load(std::memory_order_acquire);
  if (status == EntityStatus::kNotStarted) {
    *condition = {SchedulingConditionType::kReady, now};
    return start(now);
  }
  if (status != EntityStatus::kStarted && status != EntityStatus::kIdle) {
    return GXF_INVALID_EXECUTION_SEQUENCE;
  }
  if (verdict) {
    *condition = *verdict;
  } else if (gxf_result_t code = check(now, condition); failed(code)) {
    stop_locked();
    return code;
  }
  switch (condition->type) {
    case SchedulingConditionType::kReady: {
      // Decided here, in a function that already has its frame: a dispatching tick() would
      // add a second prologue to every metered tick.
      ItemMetrics* metrics = metrics_.load(std::memory_order_acquire);
      if (__builtin_expect(metrics != nullptr, 0)) {
        return tick_metered(now, condition->target_timestamp, metrics);
      }
      return tick(now, condition->target_timestamp);
    }
    case SchedulingConditionType::kNever:
      return stop_locked();
    default:
      return GXF_SUCCESS;
  }
}

gxf_result_t EntityItem::fail_on_exception(const std::exception& error) {
  // An exception must not escape into a scheduler thread (std::terminate): it fails the call
  // it came from, like a failure code, with what it says.
  const bool out_of_memory = dynamic_cast<const std::bad_alloc*>(&error) != nullptr ||
                             dynamic_cast<const std::length_error*>(&error) != nullptr;
  const gxf_result_t code = out_of_memory ? GXF_OUT_OF_MEMORY : GXF_FAILURE;
  const std::string what = std::string(out_of_memory ? "out of memory (" : "C++ exception (") +
                           error.what() + ")";
  Codelet* codelet = active_codelet_.load(std::memory_order_acquire);
  leave_call();
  if (codelet) {
    const std::string call = std::string(phase_name(active_phase_.load())) + "() failed: " + what;
    record_failure(codelet, code, call.c_str());
  } else {
    entity_->context()->record_run_failure(
        Error(code, what).with_context("entity '" + entity_->name() + "'"));
  }
  stop_locked();
  return code;
}

gxf_result_t EntityItem::check(int64_t now, SchedulingCondition* condition) {
  SchedulingCondition combined{SchedulingConditionType::kReady, now};
  for (SchedulingTerm* term : terms_) {
    gxf_result_t code = term->update_state(now);
    if (failed(code)) return record_failure(term, code, "update_state() failed");
    SchedulingCondition single;
    code = term->check(now, &single);
    if (failed(code)) return record_failure(term, code, "check() failed");
    combined = and_combine(combined, single);
  }
  for (SchedulingTermCombiner* combiner : combiners_) {
    SchedulingCondition single;
    gxf_result_t code = combiner->check(now, &single);
    if (failed(code)) return record_failure(combiner, code, "check() failed");
    combined = and_combine(combined, single);
  }
  // A time target already reached counts as ready.
  if (combined.type == SchedulingConditionType::kWaitTime && combined.target_timestamp <= now) {
    combined.type = SchedulingConditionType::kReady;
  }
  *condition = combined;
  return GXF_SUCCESS;
}

gxf_result_t EntityItem::start(int64_t now) {
  status_.store(EntityStatus::kStartPending, std::memory_order_release);
  last_timestamp_ = now;
  active_thread_.store(current_thread_id(), std::memory_order_relaxed);
  for (Codelet* codelet : codelets_) {
    codelet->begin_execution(now, true);
    enter_call(codelet, CodeletPhase::kStart);
    gxf_result_t code = codelet->start();
    leave_call();
    if (failed(code)) {
      GXF_LOG_ERROR("Codelet '%s' failed to start: %s", codelet->describe().c_str(),
                    result_str(code));
      record_failure(codelet, code, "start() failed");
      // Stop what did start (the failing codelet excluded).
      for (Codelet* started : codelets_) {
        if (started == codelet) break;
        enter_call(started, CodeletPhase::kStop);
        started->stop();
        leave_call();
      }
      status_.store(EntityStatus::kNotStarted, std::memory_order_release);
      start_history_.store(StartHistory::kFailed, std::memory_order_release);
      return code;
    }
  }
  status_.store(EntityStatus::kStarted, std::memory_order_release);
  start_history_.store(StartHistory::kStarted, std::memory_order_release);
  return GXF_SUCCESS;
}

gxf_result_t EntityItem::tick(int64_t now, int64_t target) {
  // Three compilations of one body: with metrics off the tick compiles as if they did not
  // exist, and the common tick with metrics on adds only its counts; the clock reads and
  // latency probes of a sampled tick live in their own body. (A shared body with run-time
  // tests measurably slowed the native ping: every test, and the registers it held, cost on
  // every tick.)
  return tick_with<Recording::kOff>(now, target, nullptr, 0);
}

gxf_result_t EntityItem::tick_metered(int64_t now, int64_t target, ItemMetrics* metrics) {
  int timing = metrics->begin_tick();
  return timing ? tick_timed(now, target, metrics, timing)
                : tick_with<Recording::kCount>(now, target, metrics, 0);
}

gxf_result_t EntityItem::tick_timed(int64_t now, int64_t target, ItemMetrics* metrics,
                                    int timing) {
  return tick_with<Recording::kTime>(now, target, metrics, timing);
}

template <EntityItem::Recording kRecording>
gxf_result_t EntityItem::tick_with(int64_t now, int64_t target, ItemMetrics* metrics,
                                   int timing) {
  constexpr bool kMetrics = kRecording != Recording::kOff;
  constexpr bool kTime = kRecording == Recording::kTime;
  if (now < last_timestamp_) {
    GXF_LOG_ERROR("Entity '%s': time went backwards (%ld < %ld)", entity_->name().c_str(),
                  static_cast<long>(now), static_cast<long>(last_timestamp_));
    entity_->context()->record_run_failure(
        Error(GXF_FAILURE, "time went backwards (" + std::to_string(now) + " < " +
                               std::to_string(last_timestamp_) + ")")
            .with_context("entity '" + entity_->name() + "'"));
    if constexpr (kMetrics) metrics->untick(0);  // counted by begin_tick, never ran
    stop_locked();
    return GXF_FAILURE;
  }
  last_timestamp_ = now;
  status_.store(EntityStatus::kTicking, std::memory_order_release);
  const auto& observers = executor_->observers();
  int64_t begin_ns = observers.empty() ? 0 : observers.front()->now_ns();
  int64_t metrics_begin_ns = 0;
  if constexpr (kTime) {
    if (timing & ItemMetrics::kTimeBegin) metrics_begin_ns = metrics_now_ns();
  }

  gxf_result_t code = sync_inbox();
  active_thread_.store(current_thread_id(), std::memory_order_relaxed);
  size_t i = 0;  // after the loop: how many codelets ticked
  for (; !failed(code) && i < codelets_.size(); ++i) {
    codelets_[i]->begin_execution(now, false);
    enter_call(codelets_[i], CodeletPhase::kTick);
    if constexpr (kTime) {
      if (timing & ItemMetrics::kTimeTick) {
        int64_t codelet_begin_ns = metrics_now_ns();
        code = codelets_[i]->tick();
        metrics->record_codelet(i, codelet_begin_ns, metrics_now_ns());
      } else {
        code = codelets_[i]->tick();
      }
    } else {
      code = codelets_[i]->tick();
    }
    if (failed(code)) {
      GXF_LOG_ERROR("Codelet '%s' failed to tick: %s", codelets_[i]->describe().c_str(),
                    result_str(code));
      record_failure(codelets_[i], code, "tick() failed");
    }
  }
  leave_call();
  if constexpr (kMetrics) {
    if (i < codelets_.size()) metrics->untick(i);
  }
  for (size_t t = 0; !failed(code) && t < terms_.size(); ++t) {
    code = terms_[t]->on_execute(now);
    if (failed(code)) record_failure(terms_[t], code, "on_execute() failed");
  }
  // Terms under a combiner see the tick too: a PeriodicSchedulingTerm OR'd with a message
  // term must move its target, or it stays ready and the entity spins.
  for (size_t c = 0; !failed(code) && c < combiners_.size(); ++c) {
    for (SchedulingTerm* term : combiners_[c]->terms()) {
      code = term->on_execute(now);
      if (failed(code)) {
        record_failure(term, code, "on_execute() failed");
        break;
      }
    }
  }
  if (failed(code)) {
    stop_locked();
    return code;
  }
  code = sync_outbox<kRecording>(metrics, timing & ItemMetrics::kTimeTick);
  if (failed(code)) {
    stop_locked();
    return code;
  }
  if constexpr (kTime) metrics->end_tick(timing, metrics_begin_ns);
  notify_upstream();
  status_.store(EntityStatus::kIdle, std::memory_order_release);
  if (!observers.empty()) {
    int64_t end_ns = observers.front()->now_ns();
    for (ExecutionObserver* observer : observers) observer->on_tick(*this, begin_ns, end_ns, target);
  }
  return GXF_SUCCESS;
}

// Schedulers without a faster way to a job by item take the eid route.
gxf_result_t Scheduler::event_notify_item(EntityItem* item, EventType event) {
  return event_notify(item->eid(), event);
}

EntityItem::~EntityItem() {
  if (entity_->executor_item == this) entity_->executor_item = nullptr;
  entity_->release();
}

gxf_result_t EntityItem::sync_inbox() {
  for (Receiver* receiver : receivers_) {
    gxf_result_t code = receiver->sync();
    if (failed(code)) {
      GXF_LOG_ERROR("Receiver '%s' overflowed on sync (capacity %zu, policy fault): %s",
                    receiver->describe().c_str(), receiver->capacity(), result_str(code));
      const std::string what = "overflowed on sync (capacity " +
                               std::to_string(receiver->capacity()) + ", policy fault)";
      return record_failure(receiver, code, what.c_str());
    }
  }
  return GXF_SUCCESS;
}

void EntityItem::notify_upstream() {
  if (!executor_->has_event_sink()) return;
  // Sent after the tick, once the codelets took their messages: only then is there room
  // downstream for entities waiting on DownstreamReceptive terms.
  for (Receiver* receiver : receivers_) {
    for (Transmitter* source : receiver->sources()) {
      executor_->notify(source->entity(), EventType::kMessageSync);
    }
  }
}

template <EntityItem::Recording kRecording>
gxf_result_t EntityItem::sync_outbox(ItemMetrics* metrics, bool probe) {
  constexpr bool kMetrics = kRecording != Recording::kOff;
  for (size_t t = 0; t < transmitters_.size(); ++t) {
    Transmitter* transmitter = transmitters_[t];
    const gxf_result_t synced = transmitter->sync();
    if (synced == GXF_EXCEEDING_PREALLOCATED_SIZE) {
      GXF_LOG_WARNING("Transmitter '%s' overflowed on sync; messages dropped",
                      transmitter->describe().c_str());
    } else if (failed(synced)) {
      // A transmitter that delivers elsewhere (UCX) and cannot: the entity fails.
      return record_failure(transmitter, synced, "sync() failed");
    }
    EntityRef message;
    const auto& targets = transmitter->targets();
    const std::vector<EdgeMetrics*>* edges = nullptr;
    if constexpr (kMetrics) edges = &metrics->edges_of(t);
    while (transmitter->pop(&message)) {
      for (size_t r = 0; r < targets.size(); ++r) {
        Receiver* receiver = targets[r];
        EdgeMetrics* edge = nullptr;
        if constexpr (kMetrics) {
          edge = r < edges->size() ? (*edges)[r] : nullptr;
          if (kRecording == Recording::kTime && probe && edge) edge->arm_probe();
        }
        gxf_result_t pushed = receiver->push(message);
        if (kMetrics && edge) edge->count(!failed(pushed));
        if (failed(pushed)) {
          GXF_LOG_WARNING("Receiver '%s' is full; message from '%s' dropped",
                          receiver->describe().c_str(), transmitter->describe().c_str());
        }
      }
    }
    if (executor_->has_event_sink()) {
      for (Receiver* receiver : targets) {
        executor_->notify(receiver->entity(), EventType::kMessageSync);
      }
    }
  }
  return GXF_SUCCESS;
}

gxf_result_t EntityItem::stop() {
  std::lock_guard<SpinLock> lock(execution_mutex_);
  return stop_locked();
}

gxf_result_t EntityItem::stop_locked() {
  EntityStatus status = status_.load(std::memory_order_acquire);
  if (status == EntityStatus::kNotStarted || status == EntityStatus::kStopPending) {
    return GXF_SUCCESS;
  }
  status_.store(EntityStatus::kStopPending, std::memory_order_release);
  gxf_result_t first_failure = GXF_SUCCESS;
  active_thread_.store(current_thread_id(), std::memory_order_relaxed);
  for (Codelet* codelet : codelets_) {
    discard_failure();
    enter_call(codelet, CodeletPhase::kStop);
    gxf_result_t code = codelet->stop();
    leave_call();
    if (failed(code)) {
      GXF_LOG_ERROR("Codelet '%s' failed to stop: %s", codelet->describe().c_str(),
                    result_str(code));
      record_failure(codelet, code, "stop() failed");
      if (!failed(first_failure)) first_failure = code;
    }
  }
  status_.store(EntityStatus::kNotStarted, std::memory_order_release);
  return first_failure;
}

bool EntityItem::running_call(RunningCall* call) const {
  Codelet* codelet = active_codelet_.load(std::memory_order_acquire);
  if (!codelet) return false;
  call->entity = entity_->name();
  call->component = codelet->name();
  call->type = codelet->type_name();
  call->cid = codelet->cid();
  call->source = entity_->context()->component_source(codelet->cid());
  call->phase = phase_name(active_phase_.load(std::memory_order_relaxed));
  call->thread_id = active_thread_.load(std::memory_order_relaxed);
  return true;
}

std::vector<RunningCall> EntityExecutor::running_calls() const {
  std::lock_guard<std::mutex> lock(items_mutex_);
  std::vector<RunningCall> calls;
  for (const auto& item : items_) {
    RunningCall call;
    if (item->running_call(&call)) calls.push_back(std::move(call));
  }
  return calls;
}

int EntityExecutor::status_of(gxf_uid_t eid) const {
  std::lock_guard<std::mutex> lock(items_mutex_);
  auto it = by_eid_.find(eid);
  return it == by_eid_.end() ? 0 : static_cast<int>(it->second->status());
}

EntityItem* EntityExecutor::add(Entity* entity) {
  auto item = std::make_unique<EntityItem>(this, entity);
  if (item->codelets().empty()) return nullptr;
  std::lock_guard<std::mutex> lock(items_mutex_);
  EntityItem* raw = item.get();
  by_eid_[entity->eid()] = raw;
  items_.push_back(std::move(item));
  return raw;
}

EntityItem* EntityExecutor::item(gxf_uid_t eid) const {
  auto it = by_eid_.find(eid);
  return it == by_eid_.end() ? nullptr : it->second;
}

gxf_result_t EntityExecutor::stop_all() {
  std::vector<EntityItem*> ordered;
  for (const auto& item : items_) ordered.push_back(item.get());
  std::sort(ordered.begin(), ordered.end(),
            [](EntityItem* a, EntityItem* b) { return a->eid() < b->eid(); });
  gxf_result_t first_failure = GXF_SUCCESS;
  for (EntityItem* item : ordered) {
    gxf_result_t code = item->stop();
    if (failed(code) && !failed(first_failure)) first_failure = code;
  }
  return first_failure;
}

std::pair<EntityItem::StartHistory, bool> EntityExecutor::start_history(gxf_uid_t eid) const {
  if (EntityItem* found = item(eid)) return {found->start_history(), true};
  auto kept = cleared_start_history_.find(eid);
  if (kept != cleared_start_history_.end()) return {kept->second, true};
  return {EntityItem::StartHistory::kNever, false};
}

void EntityExecutor::clear() {
  if (std::shared_ptr<ExecutionMetrics> metrics = this->metrics()) metrics->detach();
  set_metrics(nullptr);
  {
    std::lock_guard<std::mutex> lock(items_mutex_);
    if (!items_.empty()) {
      cleared_start_history_.clear();
      for (const auto& item : items_) cleared_start_history_[item->eid()] = item->start_history();
    }
    items_.clear();
    by_eid_.clear();
  }
  observers_.clear();
  monitors_.clear();
  event_sink_ = nullptr;
  item_sink_ = nullptr;
}

}  // namespace gxf
}  // namespace nvidia
