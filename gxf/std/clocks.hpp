// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>

#include "gxf/std/clock.hpp"

namespace nvidia {
namespace gxf {

// Wall time: offset (+ epoch seconds if asked) + scale * elapsed steady time since initialize.
class RealtimeClock : public Clock {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  double time() const override;
  int64_t timestamp() const override;
  gxf_result_t sleep_for(int64_t duration_ns) override;
  gxf_result_t sleep_until(int64_t target_time_ns) override;
  bool is_wall_clock() const override { return true; }
  gxf_result_t set_time_scale(double scale);
  // Clock nanoseconds per wall nanosecond (schedulers convert waits with it).
  double time_scale() const { return scale_; }

 private:
  Parameter<double> initial_time_offset_;
  Parameter<double> initial_time_scale_;
  Parameter<bool> use_time_since_epoch_;
  std::chrono::steady_clock::time_point reference_;
  double offset_ns_ = 0.0;
  double scale_ = 1.0;
};

// Time that moves only when someone sleeps: sleep_for/sleep_until jump instantly.
class ManualClock : public Clock {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  double time() const override { return static_cast<double>(timestamp()) * 1e-9; }
  int64_t timestamp() const override { return now_.load(std::memory_order_acquire); }
  gxf_result_t sleep_for(int64_t duration_ns) override;
  gxf_result_t sleep_until(int64_t target_time_ns) override;

 private:
  Parameter<int64_t> initial_timestamp_;
  std::atomic<int64_t> now_{0};
};

}  // namespace gxf
}  // namespace nvidia
