// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/clock.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/scheduling_terms.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Re-publishes messages at the time their Timestamp says, mapped from the clock the timestamps
// were taken on (throttling clock) onto the scheduler's clock (execution clock). Each tick
// publishes the message cached by the previous tick, then caches the next one and asks the
// target-time term to tick again at its time.
class TimedThrottler : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t tick() override;
  gxf_result_t stop() override;

 private:
  Parameter<Handle<Transmitter>> transmitter_;
  Parameter<Handle<Receiver>> receiver_;
  Parameter<Handle<Clock>> execution_clock_;
  Parameter<Handle<Clock>> throttling_clock_;
  Parameter<Handle<TargetTimeSchedulingTerm>> scheduling_term_;

  int64_t time_offset_ = 0;
  EntityRef cached_;
};

}  // namespace gxf
}  // namespace nvidia
