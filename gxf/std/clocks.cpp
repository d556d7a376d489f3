// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/clocks.hpp"

#include <thread>

namespace nvidia {
namespace gxf {

gxf_result_t RealtimeClock::register_interface(Registrar* registrar) {
  registrar->parameter(initial_time_offset_, "initial_time_offset", "Initial time offset",
                       "Seconds added to the clock's time", 0.0);
  registrar->parameter(initial_time_scale_, "initial_time_scale", "Initial time scale",
                       "How fast time passes relative to wall time (> 0)", 1.0);
  registrar->parameter(use_time_since_epoch_, "use_time_since_epoch", "Use time since epoch",
                       "Start from the system time since the epoch", false);
  return GXF_SUCCESS;
}

gxf_result_t RealtimeClock::initialize() {
  if (initial_time_scale_.get() <= 0.0) {
    return fail(GXF_ARGUMENT_OUT_OF_RANGE, "initial_time_scale must be > 0");
  }
  scale_ = initial_time_scale_.get();
  offset_ns_ = initial_time_offset_.get() * 1e9;
  if (use_time_since_epoch_.get()) {
    offset_ns_ += static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
  }
  reference_ = std::chrono::steady_clock::now();
  return GXF_SUCCESS;
}

int64_t RealtimeClock::timestamp() const {
  auto elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(
                     std::chrono::steady_clock::now() - reference_)
                     .count();
  return static_cast<int64_t>(offset_ns_ + scale_ * static_cast<double>(elapsed));
}

double RealtimeClock::time() const { return static_cast<double>(timestamp()) * 1e-9; }

gxf_result_t RealtimeClock::sleep_for(int64_t duration_ns) {
  if (duration_ns < 0) return GXF_ARGUMENT_OUT_OF_RANGE;
  std::this_thread::sleep_for(
      std::chrono::nanoseconds(static_cast<int64_t>(static_cast<double>(duration_ns) / scale_)));
  return GXF_SUCCESS;
}

gxf_result_t RealtimeClock::sleep_until(int64_t target_time_ns) {
  int64_t now = timestamp();
  return target_time_ns > now ? sleep_for(target_time_ns - now) : GXF_SUCCESS;
}

gxf_result_t RealtimeClock::set_time_scale(double scale) {
  if (scale <= 0.0) return GXF_ARGUMENT_OUT_OF_RANGE;
  offset_ns_ = static_cast<double>(timestamp());
  reference_ = std::chrono::steady_clock::now();
  scale_ = scale;
  return GXF_SUCCESS;
}

gxf_result_t ManualClock::register_interface(Registrar* registrar) {
  registrar->parameter(initial_timestamp_, "initial_timestamp", "Initial timestamp",
                       "Start time in nanoseconds", int64_t{0});
  return GXF_SUCCESS;
}

gxf_result_t ManualClock::initialize() {
  now_.store(initial_timestamp_.get(), std::memory_order_release);
  return GXF_SUCCESS;
}

gxf_result_t ManualClock::sleep_for(int64_t duration_ns) {
  if (duration_ns < 0) return GXF_ARGUMENT_OUT_OF_RANGE;
  now_.fetch_add(duration_ns, std::memory_order_acq_rel);
  return GXF_SUCCESS;
}

gxf_result_t ManualClock::sleep_until(int64_t target_time_ns) {
  int64_t now = now_.load(std::memory_order_acquire);
  if (target_time_ns < now) return GXF_ARGUMENT_OUT_OF_RANGE;
  now_.store(target_time_ns, std::memory_order_release);
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
