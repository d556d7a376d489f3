// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

// Longest time offset (ns) a parameter may add to a timestamp: the sum cannot overflow an
// int64 for timestamps below it (146 years), so a huge delay is an error, not a wrap-around.
constexpr int64_t kMaxTimeOffsetNs = INT64_MAX / 2;
// The same in milliseconds, for durations parameters give in ms (max_duration_ms...): past
// INT64_MAX / 10^6, `ms * 1'000'000` overflows and a run would end at once.
constexpr int64_t kMaxDurationMs = kMaxTimeOffsetNs / 1'000'000;

// Time source of a scheduler: timestamp() in nanoseconds, time() in seconds.
class Clock : public Component {
 public:
  virtual double time() const = 0;
  virtual int64_t timestamp() const = 0;
  virtual gxf_result_t sleep_for(int64_t duration_ns) = 0;
  virtual gxf_result_t sleep_until(int64_t target_time_ns) = 0;
  // True when time passes on its own (schedulers then sleep in short, interruptible slices).
  virtual bool is_wall_clock() const { return false; }
};

}  // namespace gxf
}  // namespace nvidia
