// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/run_limits.hpp"

#include <algorithm>
#include <chrono>

#include "gxf/std/clock.hpp"
#include "gxf/std/clocks.hpp"

namespace nvidia {
namespace gxf {

namespace {

// Waits are re-checked at least this often: a scaled or externally driven clock may move
// differently from wall time.
constexpr int64_t kWallClockSliceNs = 1'000'000'000;
constexpr int64_t kOtherClockSliceNs = 100'000'000;

}  // namespace

void RunLimitParameters::register_parameters(Registrar* registrar) {
  registrar->parameter(max_duration_ms, "max_duration_ms", "Max duration [ms]",
                       "Stop the graph after this long (unset: run until the work is done)",
                       kParameterFlagsOptional);
  registrar->parameter(stop_on_deadlock, "stop_on_deadlock", "Stop on deadlock",
                       "End the run when nothing can make progress any more", true);
  registrar->parameter(stop_on_deadlock_timeout, "stop_on_deadlock_timeout",
                       "Deadlock timeout [ms]",
                       "How long a deadlock must last before the run ends (< 0: never)",
                       int64_t{0});
  // Bounded so that converting to nanoseconds or adding to a timestamp cannot overflow.
  registrar->range(max_duration_ms, 0, kMaxDurationMs);
  registrar->range(stop_on_deadlock_timeout, INT64_MIN, kMaxDurationMs);
}

int64_t steady_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

int64_t wall_ns_until(Clock* clock, int64_t target) {
  const int64_t now = clock->timestamp();
  if (target <= now) return 0;
  if (!clock->is_wall_clock()) return kOtherClockSliceNs;
  double scale = 1.0;
  if (auto* realtime = dynamic_cast<RealtimeClock*>(clock)) scale = realtime->time_scale();
  const double wall_ns = static_cast<double>(target - now) / scale;
  if (wall_ns >= static_cast<double>(kWallClockSliceNs)) return kWallClockSliceNs;
  return static_cast<int64_t>(wall_ns) + 1;
}

void RunClock::start(Clock* clock, bool wall_time) {
  clock_ = clock;
  wall_time_ = wall_time;
  start_clock_ns_ = clock->timestamp();
  start_wall_ns_ = steady_now_ns();
}

int64_t RunClock::remaining_ns(const RunLimitParameters& limits) const {
  if (!limits.max_duration_ms.is_set()) return INT64_MAX;
  const int64_t limit_ns = limits.max_duration_ms.get() * 1'000'000;
  if (wall_time_) return std::max<int64_t>(0, start_wall_ns_ + limit_ns - steady_now_ns());
  // On the scheduler clock the limit is passed strictly, as GXF compares.
  if (clock_->timestamp() - start_clock_ns_ > limit_ns) return 0;
  return std::max<int64_t>(1, wall_ns_until(clock_, start_clock_ns_ + limit_ns + 1));
}

bool IdleTimer::expired(double grace_ms, int64_t wall_ns, int64_t* wait_ns) const {
  if (!idle_ || grace_ms < 0) return false;
  const int64_t left = since_ns_ + static_cast<int64_t>(grace_ms * 1e6) - wall_ns;
  if (left <= 0) return true;
  if (wait_ns) *wait_ns = std::min(*wait_ns, left);
  return false;
}

}  // namespace gxf
}  // namespace nvidia
