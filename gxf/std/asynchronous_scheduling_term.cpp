// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/asynchronous_scheduling_term.hpp"

#include "gxf/std/entity_events.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t AsynchronousSchedulingTerm::initialize() {
  state_.store(AsynchronousEventState::kReady, std::memory_order_release);
  return GXF_SUCCESS;
}

gxf_result_t AsynchronousSchedulingTerm::check(int64_t now, SchedulingCondition* condition) {
  using T = SchedulingConditionType;
  switch (event_state()) {
    case AsynchronousEventState::kEventNever:
      *condition = {T::kNever, 0};
      break;
    case AsynchronousEventState::kEventWaiting:
      *condition = {T::kWaitEvent, 0};
      break;
    case AsynchronousEventState::kWait:
      *condition = {T::kWait, 0};
      break;
    case AsynchronousEventState::kReady:
    case AsynchronousEventState::kEventDone:
      *condition = {T::kReady, now};
      break;
  }
  return GXF_SUCCESS;
}

void AsynchronousSchedulingTerm::set_event_state(AsynchronousEventState state) {
  state_.store(state, std::memory_order_release);
  // Notified after the store, so a scheduler woken by the event sees the new state.
  if (state == AsynchronousEventState::kEventDone) notify_entity_event(this, EventType::kExternal);
}

}  // namespace gxf
}  // namespace nvidia
