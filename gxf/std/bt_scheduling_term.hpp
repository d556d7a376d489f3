// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>

#include "gxf/std/scheduling_term.hpp"

namespace nvidia {
namespace gxf {

// Behaviour-tree gating: a root starts READY, a child WAITs until its parent's codelet calls
// set_condition(READY) (or NEVER to retire it). Any other condition reads as WAIT.
class BTSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
  // Also wakes the entity (STATE_UPDATE), so event-driven schedulers see the change.
  gxf_result_t set_condition(SchedulingConditionType type);
  SchedulingConditionType condition() const { return condition_.load(std::memory_order_acquire); }

 private:
  Parameter<bool> is_root_;
  std::atomic<SchedulingConditionType> condition_{SchedulingConditionType::kWait};
};

}  // namespace gxf
}  // namespace nvidia
