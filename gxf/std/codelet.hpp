// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

// User code run by a scheduler. Contract: start() once before the first tick, tick() each
// time the entity's scheduling terms all say READY, stop() once after the last tick (also when
// start or a tick failed, for codelets that were started). Calls of one entity never overlap.
class Codelet : public Component {
 public:
  virtual gxf_result_t start() { return GXF_SUCCESS; }
  virtual gxf_result_t tick() = 0;
  virtual gxf_result_t stop() { return GXF_SUCCESS; }
  // True: its ticks run Python under the process-wide codelet call lock (CodeletCallGate). A
  // parallel scheduler then takes the gate itself before running the entity, without waiting
  // for it, and leaves the entity to the gate's holder when it is taken.
  virtual bool runs_python() const { return false; }

  // Scheduler time of the current call, in nanoseconds.
  int64_t execution_timestamp() const { return execution_timestamp_; }
  double execution_time() const { return static_cast<double>(execution_timestamp_) * 1e-9; }
  // Seconds since the previous call (0 in start).
  double delta_time() const { return static_cast<double>(delta_time_) * 1e-9; }
  int64_t execution_count() const { return execution_count_; }
  bool is_first_tick() const { return execution_count_ == 1; }

  // Called by the executor around start/tick/stop.
  void begin_execution(int64_t now, bool is_start) {
    if (is_start) {
      execution_count_ = 0;
      delta_time_ = 0;
    } else {
      ++execution_count_;
      delta_time_ = now - execution_timestamp_;
    }
    execution_timestamp_ = now;
  }

 private:
  int64_t execution_timestamp_ = 0;
  int64_t delta_time_ = 0;
  int64_t execution_count_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
