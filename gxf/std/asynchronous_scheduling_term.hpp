// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>

#include "gxf/std/scheduling_term.hpp"

namespace nvidia {
namespace gxf {

// States an asynchronous event source (a codelet's own thread, a driver callback) reports.
enum class AsynchronousEventState : int {
  kReady = 0,         // ready to tick
  kWait = 1,          // not ready; re-checked like any waiting term
  kEventWaiting = 2,  // waiting for an event: the entity sleeps until EVENT_DONE
  kEventDone = 3,     // the event happened: ready to tick
  kEventNever = 4,    // no more events: the entity is stopped
};

// Gates its entity on an event state set from any thread. READY/EVENT_DONE → READY,
// WAIT → WAIT, EVENT_WAITING → WAIT_EVENT, EVENT_NEVER → NEVER. Setting EVENT_DONE sends an
// EXTERNAL event, which wakes the entity under every scheduler.
class AsynchronousSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t initialize() override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;

  void set_event_state(AsynchronousEventState state);
  AsynchronousEventState event_state() const { return state_.load(std::memory_order_acquire); }

 private:
  std::atomic<AsynchronousEventState> state_{AsynchronousEventState::kReady};
};

}  // namespace gxf
}  // namespace nvidia
