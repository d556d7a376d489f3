// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "gxf/std/receiver.hpp"
#include "gxf/std/scheduling_term.hpp"

namespace nvidia {
namespace gxf {

// READY when the period has passed since the last tick (before the first tick: when `now`
// reached one period), or when enough messages wait (SumOfAll: min_sum over all receivers;
// PerReceiver: min_sizes[i] on receiver i). Else WAIT: never WAIT_TIME, so the period alone
// wakes no one; schedulers re-check it on their own (polling or message events).
class MessageAvailableFrequencyThrottler : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t update_state(int64_t now) override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
  gxf_result_t on_execute(int64_t now) override;

 private:
  bool enough_messages() const;

  Parameter<std::string> execution_frequency_;
  Parameter<std::vector<Handle<Receiver>>> receivers_;
  Parameter<std::string> sampling_mode_;
  Parameter<std::vector<uint64_t>> min_sizes_;
  Parameter<uint64_t> min_sum_;
  int64_t period_ns_ = 0;
  bool per_receiver_ = false;
  bool has_run_ = false;
  int64_t last_run_ = 0;
  SchedulingConditionType state_ = SchedulingConditionType::kWait;
  int64_t last_change_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
