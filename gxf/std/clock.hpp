// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

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
