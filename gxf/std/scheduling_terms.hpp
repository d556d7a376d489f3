// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "gxf/std/clock.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/scheduling_term.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Parses a period such as "1000", "25ms", "2 s" or "10Hz" into nanoseconds (> 0).
Expected<int64_t> parse_period(const std::string& text);

// READY until its entity has ticked `count` times, then NEVER.
class CountSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
  gxf_result_t on_execute(int64_t now) override;
  // Changes only when its own entity ticks.
  bool signals_changes() const override { return true; }
  int64_t remaining() const { return remaining_; }

 private:
  Parameter<int64_t> count_;
  int64_t remaining_ = 0;
};

// READY once per period; the policy decides how missed ticks are handled.
class PeriodicSchedulingTerm : public SchedulingTerm {
 public:
  enum class Policy { kCatchUpMissedTicks, kMinTimeBetweenTicks, kNoCatchUpMissedTicks };
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
  gxf_result_t on_execute(int64_t now) override;
  // Never WAIT: READY, or WAIT_TIME until its next period.
  bool signals_changes() const override { return true; }
  int64_t recess_period_ns() const { return period_ns_; }
  // Next target minus one period; false before the first tick.
  bool last_run_timestamp(int64_t* timestamp) const;

 private:
  Parameter<std::string> recess_period_;
  Parameter<std::string> policy_;
  int64_t period_ns_ = 0;
  Policy policy_value_ = Policy::kCatchUpMissedTicks;
  bool has_target_ = false;
  int64_t next_target_ = 0;
  int64_t first_target_ = 0;
};

// READY at times the codelet asks for with set_next_target_time().
class TargetTimeSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t update_state(int64_t now) override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
  gxf_result_t on_execute(int64_t now) override;
  // set_next_target_time() notifies (kTimeUpdate).
  bool signals_changes() const override { return true; }
  gxf_result_t set_next_target_time(int64_t target);

 private:
  Parameter<Handle<Clock>> clock_;
  std::mutex mutex_;
  bool has_pending_ = false;
  int64_t pending_target_ = 0;
  bool has_locked_ = false;
  int64_t locked_target_ = 0;
};

// READY when the receiver holds at least min_size messages (main + back stage).
class MessageAvailableSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
  // Messages arrive through the router or a UCX receiver, both of which notify.
  bool signals_changes() const override { return true; }

 private:
  Parameter<Handle<Receiver>> receiver_;
  Parameter<uint64_t> min_size_;
  Parameter<uint64_t> front_stage_max_size_;
};

// READY when several receivers together (SumOfAll) or each (PerReceiver) hold enough.
class MultiMessageAvailableSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
  // As MessageAvailableSchedulingTerm.
  bool signals_changes() const override { return true; }

 private:
  Parameter<std::vector<Handle<Receiver>>> receivers_;
  Parameter<std::string> sampling_mode_;
  Parameter<uint64_t> min_sum_;
  Parameter<std::vector<uint64_t>> min_sizes_;
  Parameter<uint64_t> min_size_;
  bool per_receiver_ = false;
  uint64_t min_sum_value_ = 1;
};

// READY when every receiver connected to the transmitter has room for min_size more.
class DownstreamReceptiveSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
  // Room downstream appears when a receiving entity ticks, which notifies its sources.
  bool signals_changes() const override { return true; }

 private:
  Parameter<Handle<Transmitter>> transmitter_;
  Parameter<uint64_t> min_size_;
  bool reported_unconnected_ = false;
};

// READY while enabled, NEVER once disabled (from a codelet or Python).
class BooleanSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
  gxf_result_t enable_tick();
  gxf_result_t disable_tick();
  // enable_tick() and disable_tick() notify (kStateUpdate).
  bool signals_changes() const override { return true; }
  bool check_tick_enabled() const { return enabled_.load(std::memory_order_acquire); }

 private:
  Parameter<bool> enable_tick_;
  std::atomic<bool> enabled_{true};
};

}  // namespace gxf
}  // namespace nvidia
