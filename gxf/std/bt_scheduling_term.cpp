// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/bt_scheduling_term.hpp"

#include "gxf/std/entity_events.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t BTSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(is_root_, "is_root", "Is root",
                       "A root node starts READY; other nodes wait for their parent");
  return GXF_SUCCESS;
}

gxf_result_t BTSchedulingTerm::initialize() {
  condition_.store(is_root_.get() ? SchedulingConditionType::kReady : SchedulingConditionType::kWait,
                   std::memory_order_release);
  return GXF_SUCCESS;
}

gxf_result_t BTSchedulingTerm::check(int64_t now, SchedulingCondition* condition) {
  SchedulingConditionType type = this->condition();
  if (type == SchedulingConditionType::kReady || type == SchedulingConditionType::kNever) {
    *condition = {type, now};
  } else {
    *condition = {SchedulingConditionType::kWait, 0};
  }
  return GXF_SUCCESS;
}

gxf_result_t BTSchedulingTerm::set_condition(SchedulingConditionType type) {
  condition_.store(type, std::memory_order_release);
  notify_entity_event(this, EventType::kStateUpdate);
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
