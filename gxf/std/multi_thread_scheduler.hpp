// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/parallel_scheduler.hpp"

namespace nvidia {
namespace gxf {

// Runs entities on worker_thread_number threads (plus one per ThreadPool slot of pinned
// entities). Polls: a WAIT entity is checked again after check_recession_period_ms; only
// EXTERNAL events (asynchronous terms, entity_event_notify) wake WAIT_EVENT entities. An
// entity whose terms all signal their changes (messages, counts, periods, booleans:
// SchedulingTerm::signals_changes) is not polled: a WAIT verdict parks it until an event for
// it, which is when a check could first find it READY.
// With stop_on_deadlock, the run ends once no entity was READY, WAIT_TIME or WAIT_EVENT for
// longer than stop_on_deadlock_timeout + check_recession_period_ms, or at once when every
// entity reached NEVER. max_duration_ms counts on the scheduler clock.
class MultiThreadScheduler : public ParallelScheduler {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;

 protected:
  bool wants_message_events() const override { return true; }
  bool reacts_to(EventType event) const override { return event == EventType::kExternal; }
  bool polls_waiting(int64_t* period_ns) const override;
  bool pinned_workers_run_unpinned() const override { return !strict_job_thread_pinning_.get(); }
  bool checks_before_running() const override { return true; }
  bool max_duration_is_wall_time() const override { return false; }
  bool idle_when_all_wait() const override { return true; }
  double deadlock_grace_ms() const override;
  bool ends_when_no_entity_left() const override { return true; }

 private:
  Parameter<double> check_recession_period_ms_;
  Parameter<bool> strict_job_thread_pinning_;
};

}  // namespace gxf
}  // namespace nvidia
