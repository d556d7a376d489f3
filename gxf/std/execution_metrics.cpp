// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/execution_metrics.hpp"

#include <algorithm>
#include <functional>
#include <thread>
#include <unordered_map>

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "gxf/core/entity.hpp"
#include "gxf/std/entity_executor.hpp"

namespace nvidia {
namespace gxf {

namespace {

uint32_t xorshift(uint32_t* state) {
  uint32_t x = *state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;
  return x;
}

// Random gap with mean `period`: 1 .. 2*period-1.
uint64_t next_gap(uint32_t* state, uint32_t period) {
  return period <= 1 ? 1 : 1 + xorshift(state) % (2 * period - 1);
}

uint64_t this_thread_id() {
#if defined(__linux__)
  return static_cast<uint64_t>(syscall(SYS_gettid));
#else
  return std::hash<std::thread::id>()(std::this_thread::get_id());
#endif
}

std::string path_of(const Component* component) {
  return component->entity()->name() + "/" + component->name();
}

std::atomic<uint64_t> next_instance_id{1};

}  // namespace

uint64_t ReceiverMetrics::delivered() const {
  uint64_t total = 0;
  for (const std::atomic<uint64_t>* source : sources) {
    total += source->load(std::memory_order_acquire);
  }
  return total;
}

size_t ReceiverMetrics::pending() const { return receiver->size() + receiver->back_size(); }

void EdgeMetrics::arm_probe() {
  uint64_t free = 0;
  if (receiver->probe_target.load(std::memory_order_relaxed) != 0) return;
  // Target: the number this message will have among the receiver's deliveries. With several
  // producers racing to arm, one wins; its stamp may be a few ns off, which is below the
  // histogram's resolution.
  receiver->probe_time.store(metrics_now_ns(), std::memory_order_relaxed);
  if (receiver->probe_target.compare_exchange_strong(free, receiver->delivered() + 1) &&
      receiver->consumer) {
    receiver->consumer->probe_armed_.store(true);
  }
}

bool GilStats::should_time() {
  ++calls_;
  if (calls_ < next_call_ && last_hold_ns_ < always_time_ns_) return false;
  next_call_ = calls_ + next_gap(&random_, sample_period_);
  return true;
}

int ItemMetrics::begin_timed_tick(uint64_t ticks) {
  int flags = 0;
  if (ticks >= next_sample_) {
    next_sample_ = ticks + next_gap(&random_, sample_period_);
    timed_ns_ = 0;
    flags = kTimeTick;
  }
  return trace_ || probe_armed_.load() ? flags | kTimeBegin : flags;
}

void ItemMetrics::untick(size_t first) {
  for (size_t i = first; i < codelets_.size(); ++i) {
    std::atomic<uint64_t>& missed = codelets_[i]->missed;
    missed.store(missed.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }
}

void ItemMetrics::record_codelet(size_t index, int64_t begin_ns, int64_t end_ns) {
  CodeletMetrics* codelet = codelets_[index];
  codelet->tick_ns.record(end_ns - begin_ns);
  timed_ns_ += end_ns - begin_ns;
  if (trace_) owner_->trace(codelet->index, begin_ns, end_ns);
}

void ItemMetrics::end_timed_tick(int flags, int64_t begin_ns) {
  // Long ticks (or a trace) are timed every time: the clock reads are noise next to them.
  if ((flags & kTimeTick) && (trace_ || timed_ns_ >= always_time_ns_)) {
    next_sample_ = ticks_.load(std::memory_order_relaxed) + 1;
  }
  if (!(flags & kTimeBegin)) return;
  for (ReceiverMetrics* receiver : receivers_) {
    if (!receiver) continue;
    uint64_t target = receiver->probe_target.load(std::memory_order_acquire);
    if (target == 0) continue;
    // Deliveries count after their push: reading the count before the queue can only
    // undercount what left it, so an unconsumed probe never looks consumed.
    uint64_t delivered = receiver->delivered();
    if (delivered < receiver->pending() + target) continue;
    int64_t stamp = receiver->probe_time.load(std::memory_order_relaxed);
    receiver->latency_ns.record(std::max<int64_t>(0, begin_ns - stamp));
    receiver->probe_target.store(0, std::memory_order_release);
  }
  // Cleared first, then re-set if a probe is still (or newly) in flight: a producer arms
  // its probe before setting the flag, so none is missed (all sequentially consistent).
  probe_armed_.store(false);
  if (probe_pending()) probe_armed_.store(true);
}

ExecutionMetrics::ExecutionMetrics(const MetricsOptions& options)
    : options_(options),
      id_(next_instance_id.fetch_add(1)),
      start_ns_(metrics_now_ns()) {
  if (options_.sample_period == 0) options_.sample_period = 1;
}

ExecutionMetrics::~ExecutionMetrics() { detach(); }

Expected<std::shared_ptr<ExecutionMetrics>> ExecutionMetrics::attach(
    EntityExecutor* executor, const MetricsOptions& options) {
  if (executor->metrics()) {
    return make_error(
        GXF_INVALID_EXECUTION_SEQUENCE, "metrics are already enabled for this graph");
  }
  if (executor->items().empty()) {
    return make_error(
        GXF_INVALID_EXECUTION_SEQUENCE,
        "metrics need an activated graph with at least one codelet: call graph_activate first");
  }
  auto metrics = std::make_shared<ExecutionMetrics>(options);
  std::unordered_map<const Receiver*, ReceiverMetrics*> receivers;
  auto receiver_of = [&](Receiver* receiver) {
    auto found = receivers.find(receiver);
    if (found != receivers.end()) return found->second;
    metrics->receivers_.push_back(std::make_unique<ReceiverMetrics>());
    ReceiverMetrics* record = metrics->receivers_.back().get();
    record->receiver = receiver;
    receivers[receiver] = record;
    return record;
  };
  uint32_t seed = 0x9e3779b9u;
  for (const auto& item : executor->items()) {
    auto item_metrics =
        std::make_unique<ItemMetrics>(metrics.get(), metrics->options_, seed += 0x6d2b79f5u);
    for (Codelet* codelet : item->codelets()) {
      auto record = std::make_unique<CodeletMetrics>();
      record->entity = codelet->entity()->name();
      record->name = codelet->name();
      record->type = codelet->type_name();
      record->eid = codelet->eid();
      record->cid = codelet->cid();
      record->codelet = codelet;
      record->index = static_cast<int32_t>(metrics->codelets_.size());
      record->entity_ticks = &item_metrics->ticks_;
      if (auto* timed = dynamic_cast<GilTimedCodelet*>(codelet)) {
        record->gil = std::make_unique<GilStats>(metrics->options_.sample_period,
                                                 metrics->options_.always_time_ns,
                                                 seed += 0x6d2b79f5u);
        timed->set_gil_stats(record->gil.get());
      }
      item_metrics->codelets_.push_back(record.get());
      metrics->codelets_.push_back(std::move(record));
    }
    for (Transmitter* transmitter : item->transmitters()) {
      std::vector<EdgeMetrics*> targets;
      for (Receiver* receiver : transmitter->targets()) {
        auto edge = std::make_unique<EdgeMetrics>();
        edge->source = path_of(transmitter);
        edge->target = path_of(receiver);
        edge->source_eid = transmitter->eid();
        edge->target_eid = receiver->eid();
        edge->source_cid = transmitter->cid();
        edge->target_cid = receiver->cid();
        edge->receiver = receiver_of(receiver);
        edge->receiver->sources.push_back(&edge->messages);
        targets.push_back(edge.get());
        metrics->edges_.push_back(std::move(edge));
      }
      item_metrics->edges_.push_back(std::move(targets));
    }
    metrics->items_.push_back(std::move(item_metrics));
  }
  // Receivers are matched to their consuming entity only once every edge is known.
  for (size_t i = 0; i < executor->items().size(); ++i) {
    const auto& item = executor->items()[i];
    for (Receiver* receiver : item->receivers()) {
      auto found = receivers.find(receiver);
      ReceiverMetrics* record = found == receivers.end() ? nullptr : found->second;
      if (record) record->consumer = metrics->items_[i].get();
      metrics->items_[i]->receivers_.push_back(record);
    }
  }
  for (size_t i = 0; i < executor->items().size(); ++i) {
    executor->items()[i]->set_metrics(metrics->items_[i].get());
  }
  executor->set_metrics(metrics);
  return metrics;
}

void ExecutionMetrics::detach() {
  // The executor is cleared while its codelets still exist; after that they may be gone.
  if (detached_.exchange(true)) return;
  for (const auto& codelet : codelets_) {
    if (!codelet->gil) continue;
    if (auto* timed = dynamic_cast<GilTimedCodelet*>(codelet->codelet)) {
      timed->set_gil_stats(nullptr);
    }
  }
}

SpscRing<ExecutionMetrics::TraceEvent>* ExecutionMetrics::thread_ring() {
  // Instance ids, not addresses: a later instance may reuse a freed one's address.
  thread_local uint64_t cached_id = 0;
  thread_local SpscRing<TraceEvent>* cached_ring = nullptr;
  if (cached_id == id_) return cached_ring;
  uint64_t tid = this_thread_id();
  std::lock_guard<std::mutex> lock(rings_mutex_);
  auto found = std::find_if(rings_.begin(), rings_.end(),
                            [tid](const auto& ring) { return ring->tid == tid; });
  if (found == rings_.end()) {
    rings_.push_back(std::make_unique<ThreadRing>(tid, options_.trace_capacity));
    found = rings_.end() - 1;
  }
  cached_id = id_;
  cached_ring = &(*found)->ring;
  return cached_ring;
}

void ExecutionMetrics::trace(int32_t codelet, int64_t begin_ns, int64_t end_ns) {
  thread_ring()->push({codelet, begin_ns, end_ns});
}

std::vector<ExecutionMetrics::ThreadTrace> ExecutionMetrics::drain_trace(uint64_t* dropped) {
  std::vector<ThreadTrace> result;
  std::lock_guard<std::mutex> lock(rings_mutex_);
  for (const auto& ring : rings_) {
    ThreadTrace thread{ring->tid, {}};
    ring->ring.drain(&thread.events);
    *dropped += ring->ring.dropped();
    if (!thread.events.empty()) result.push_back(std::move(thread));
  }
  return result;
}

}  // namespace gxf
}  // namespace nvidia
