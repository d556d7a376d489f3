// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <climits>
#include <cstdint>

#include "gxf/core/component.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/std/clock.hpp"

namespace nvidia {
namespace gxf {

// What ends a run besides its work: the parameters every scheduler registers under GXF's
// keys, and the timing of max duration and of deadlock (idleness that lasts). One
// implementation for the greedy and the parallel schedulers.

struct RunLimitParameters {
  Parameter<int64_t> max_duration_ms;
  Parameter<bool> stop_on_deadlock;
  Parameter<int64_t> stop_on_deadlock_timeout;

  void register_parameters(Registrar* registrar);
};

// Steady (wall) clock, nanoseconds.
int64_t steady_now_ns();

// Wall nanoseconds until `clock` reaches `target`; capped to a slice so that a scaled or
// externally driven clock is read again (0 when reached).
int64_t wall_ns_until(Clock* clock, int64_t target);

// Max-duration timing: from the start of the run, on the scheduler clock or on wall time.
class RunClock {
 public:
  void start(Clock* clock, bool wall_time);
  // 0 when the limit is reached; else wall nanoseconds worth waiting before looking again;
  // INT64_MAX without a limit.
  int64_t remaining_ns(const RunLimitParameters& limits) const;
  int64_t start_clock_ns() const { return start_clock_ns_; }

 private:
  Clock* clock_ = nullptr;
  bool wall_time_ = true;
  int64_t start_clock_ns_ = 0;
  int64_t start_wall_ns_ = 0;
};

// How long the run has been idle (nothing can make progress), in wall time. Not
// synchronised: its owner guards it.
class IdleTimer {
 public:
  // Idleness begins now unless it already began.
  void begin(int64_t wall_ns) {
    if (!idle_) restart(wall_ns);
  }
  // Idleness begins anew now (progress was made in between).
  void restart(int64_t wall_ns) {
    idle_ = true;
    since_ns_ = wall_ns;
  }
  void end() { idle_ = false; }
  bool idle() const { return idle_; }
  // Whether idleness lasted `grace_ms` (< 0: never ends the run) by `wall_ns`; else lowers
  // *wait_ns (if given) to the time left.
  bool expired(double grace_ms, int64_t wall_ns, int64_t* wait_ns = nullptr) const;

 private:
  bool idle_ = false;
  int64_t since_ns_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
