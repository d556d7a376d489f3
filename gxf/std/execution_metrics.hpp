// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gxf/core/expected.hpp"
#include "gxf/std/gems/log_histogram.hpp"
#include "gxf/std/gems/spsc_ring.hpp"

namespace nvidia {
namespace gxf {

class Codelet;
class EntityExecutor;
class ExecutionMetrics;
class ItemMetrics;
class Receiver;

// Clock of every metric: monotonic nanoseconds.
inline int64_t metrics_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Time a Python codelet's tick waited for the interpreter (the codelet call lock and the GIL)
// and then held it running Python. Sampled like tick times (MetricsOptions); used by the
// codelet's ticking thread only, read from any thread.
class GilStats {
 public:
  GilStats(uint32_t sample_period, int64_t always_time_ns, uint32_t seed)
      : sample_period_(sample_period), always_time_ns_(always_time_ns), random_(seed | 1) {}
  // Whether to time this call.
  bool should_time();
  void record(int64_t wait_ns, int64_t hold_ns) {
    wait_.record(wait_ns);
    hold_.record(hold_ns);
    last_hold_ns_ = hold_ns;
  }
  const LogHistogram& wait_ns() const { return wait_; }
  const LogHistogram& hold_ns() const { return hold_; }

 private:
  LogHistogram wait_;
  LogHistogram hold_;
  uint32_t sample_period_;
  int64_t always_time_ns_;
  uint32_t random_;
  uint64_t calls_ = 0;
  uint64_t next_call_ = 1;
  int64_t last_hold_ns_ = 0;
};

// Implemented by codelets that run Python (PyCodeletV0). Metrics hand them where to record;
// nullptr (the default) turns recording off.
class GilTimedCodelet {
 public:
  virtual ~GilTimedCodelet() = default;
  virtual void set_gil_stats(GilStats* stats) = 0;
};

struct MetricsOptions {
  // Every tick and message is counted. Ticks are timed one in `sample_period` on average, at
  // random intervals so periodic work does not alias, except for entities whose last timed
  // tick took at least `always_time_ns`: for those the clock reads cost under 1% and every
  // tick is timed. Messages delivered by a timed tick carry latency probes.
  uint32_t sample_period = 64;
  int64_t always_time_ns = 10000;
  // Record every tick of every codelet for a trace (implies timing every tick).
  bool trace = false;
  // Trace events buffered per worker thread between two drains; more are counted as dropped.
  size_t trace_capacity = 1 << 16;
};

struct CodeletMetrics {
  std::string entity;
  std::string name;
  std::string type;
  int64_t eid = 0;
  int64_t cid = 0;
  Codelet* codelet = nullptr;
  int32_t index = 0;  // position in ExecutionMetrics::codelets()
  // Ticks are counted per entity (one store per tick, whatever its codelet count); a tick
  // that failed before reaching this codelet is subtracted.
  const std::atomic<uint64_t>* entity_ticks = nullptr;
  std::atomic<uint64_t> missed{0};
  LogHistogram tick_ns;
  std::unique_ptr<GilStats> gil;  // Python codelets only
};

// The inbox end of one or more edges. Latency is measured on probes: a message delivered by
// a timed tick is stamped (when no other probe is in flight), and the consumer's first tick
// that begins after it has left the queue (taken, or dropped by the queue's policy) records
// tick begin - stamp.
struct ReceiverMetrics {
  Receiver* receiver = nullptr;
  ItemMetrics* consumer = nullptr;  // the entity that receives from it, if it ticks
  std::vector<const std::atomic<uint64_t>*> sources;  // message counters of the routed edges
  std::atomic<uint64_t> probe_target{0};              // delivery number of the probe; 0: none
  std::atomic<int64_t> probe_time{0};
  LogHistogram latency_ns;  // written by the consuming entity only

  uint64_t delivered() const;
  size_t pending() const;  // messages in both stages of the queue
};

// One routed transmitter -> receiver pair.
struct EdgeMetrics {
  std::string source;  // "entity/component"
  std::string target;
  int64_t source_eid = 0;
  int64_t target_eid = 0;
  int64_t source_cid = 0;  // the transmitter
  int64_t target_cid = 0;  // the receiver
  ReceiverMetrics* receiver = nullptr;
  std::atomic<uint64_t> messages{0};  // written by the transmitting entity only

  // Before receiver->push() in the router: stamps this message as the receiver's probe
  // unless one is in flight.
  void arm_probe();
  // After the push.
  void count(bool accepted) {
    if (accepted) {
      messages.store(messages.load(std::memory_order_relaxed) + 1, std::memory_order_release);
    }
  }
};

// What one entity records; reached from its EntityItem without lookups.
class ItemMetrics {
 public:
  enum : int { kTimeTick = 1, kTimeBegin = 2 };

  ItemMetrics(ExecutionMetrics* owner, const MetricsOptions& options, uint32_t seed)
      : owner_(owner),
        sample_period_(options.sample_period),
        always_time_ns_(options.always_time_ns),
        trace_(options.trace),
        random_(seed | 1) {}

  // At tick start: counts the tick and says which clocks it reads (kTimeTick, kTimeBegin or
  // none). Inline, two tests for the common untimed tick.
  int begin_tick() {
    uint64_t ticks = ticks_.load(std::memory_order_relaxed) + 1;
    ticks_.store(ticks, std::memory_order_relaxed);
    if (ticks < next_sample_ && !probe_armed_.load(std::memory_order_relaxed)) return 0;
    return begin_timed_tick(ticks);
  }
  // After a failed tick: codelets from `first` on did not run.
  void untick(size_t first);
  void record_codelet(size_t index, int64_t begin_ns, int64_t end_ns);
  // The edges of one transmitter (by its index in the entity), one per routed target.
  const std::vector<EdgeMetrics*>& edges_of(size_t transmitter) const {
    return transmitter < edges_.size() ? edges_[transmitter] : no_edges_;
  }
  // After the tick: settles latency probes of this entity's receivers.
  void end_tick(int flags, int64_t begin_ns) {
    if (flags) end_timed_tick(flags, begin_ns);
  }

 private:
  friend class ExecutionMetrics;
  friend struct EdgeMetrics;
  bool probe_pending() const {
    for (ReceiverMetrics* receiver : receivers_) {
      if (receiver && receiver->probe_target.load(std::memory_order_relaxed) != 0) return true;
    }
    return false;
  }
  int begin_timed_tick(uint64_t ticks);
  void end_timed_tick(int flags, int64_t begin_ns);

  ExecutionMetrics* owner_;
  uint32_t sample_period_;
  int64_t always_time_ns_;
  bool trace_;
  std::vector<EdgeMetrics*> no_edges_;
  std::vector<CodeletMetrics*> codelets_;            // by codelet index in the item
  std::vector<std::vector<EdgeMetrics*>> edges_;     // by transmitter index, then target
  std::vector<ReceiverMetrics*> receivers_;          // by receiver index; nullptr if unrouted
  std::atomic<uint64_t> ticks_{0};
  // Tick number of the next timed tick: random gaps, or the next tick after a long one.
  uint64_t next_sample_ = 1;
  int64_t timed_ns_ = 0;  // codelet time of the tick being timed
  // Set by producers that arm a probe on one of this entity's receivers; cleared once none
  // is in flight.
  std::atomic<bool> probe_armed_{false};
  uint32_t random_;
};

// Run-time metrics of one activated graph: per codelet tick counts and sampled tick times,
// per edge message counts, latency probes and queue depth, GIL wait/hold of Python codelets,
// and optionally a per-thread trace of every tick. Attached to the executor only when asked
// for; when it is not, the executor ticks through a separately compiled path without any of
// it (EntityItem::tick_with<Recording::kOff>). Hot-path records are plain stores by the single
// writer that owns them (the entity's execution lock serialises its ticks); readers may run
// on any thread.
class ExecutionMetrics {
 public:
  struct TraceEvent {
    int32_t codelet;  // index into codelets()
    int64_t begin_ns;
    int64_t end_ns;
  };
  struct ThreadTrace {
    uint64_t tid;
    std::vector<TraceEvent> events;
  };

  // Builds the records of an activated executor and attaches them (until the executor is
  // cleared at deactivation).
  static Expected<std::shared_ptr<ExecutionMetrics>> attach(EntityExecutor* executor,
                                                            const MetricsOptions& options);
  explicit ExecutionMetrics(const MetricsOptions& options);
  ~ExecutionMetrics();

  // Stops codelets from recording GIL times; called when the executor is cleared.
  void detach();

  const MetricsOptions& options() const { return options_; }
  int64_t start_ns() const { return start_ns_; }
  const std::vector<std::unique_ptr<CodeletMetrics>>& codelets() const { return codelets_; }
  const std::vector<std::unique_ptr<EdgeMetrics>>& edges() const { return edges_; }

  // Trace events recorded since the last drain, per thread; adds the events lost to full
  // buffers since the start to `dropped`.
  std::vector<ThreadTrace> drain_trace(uint64_t* dropped);
  void trace(int32_t codelet, int64_t begin_ns, int64_t end_ns);

 private:
  struct ThreadRing {
    uint64_t tid;
    SpscRing<TraceEvent> ring;
    ThreadRing(uint64_t id, size_t capacity) : tid(id), ring(capacity) {}
  };
  SpscRing<TraceEvent>* thread_ring();

  MetricsOptions options_;
  uint64_t id_;  // unique per instance, for the per-thread ring cache
  int64_t start_ns_;
  std::vector<std::unique_ptr<CodeletMetrics>> codelets_;
  std::vector<std::unique_ptr<ReceiverMetrics>> receivers_;
  std::vector<std::unique_ptr<EdgeMetrics>> edges_;
  std::vector<std::unique_ptr<ItemMetrics>> items_;
  std::atomic<bool> detached_{false};
  std::mutex rings_mutex_;  // taken once per thread and per drain, never per event
  std::vector<std::unique_ptr<ThreadRing>> rings_;
};

}  // namespace gxf
}  // namespace nvidia
