// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/parallel_scheduler.hpp"

namespace nvidia {
namespace gxf {

// Runs entities on worker_thread_number threads (plus one per pinned ThreadPool slot) and
// never polls: a WAIT or WAIT_EVENT entity sleeps until an event for it (a message delivered
// to it or taken from it, a term changing state, a target time set, an asynchronous event)
// and WAIT_TIME entities sleep until their time. With stop_on_deadlock, the run ends when no
// job is queued or running and no entity waits for an event for stop_on_deadlock_timeout ms.
// max_duration_ms is wall time.
class EventBasedScheduler : public ParallelScheduler {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  bool wants_message_events() const override { return true; }

 protected:
  bool reacts_to(EventType event) const override { return true; }
  bool polls_waiting(int64_t* period_ns) const override { return false; }
  bool pinned_workers_run_unpinned() const override { return false; }
  bool checks_before_running() const override { return false; }
  bool max_duration_is_wall_time() const override { return true; }
  bool idle_when_all_wait() const override { return false; }
  double deadlock_grace_ms() const override;
  bool ends_when_no_entity_left() const override { return false; }
};

}  // namespace gxf
}  // namespace nvidia
