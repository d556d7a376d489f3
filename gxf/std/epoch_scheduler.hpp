// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <condition_variable>
#include <mutex>
#include <unordered_set>
#include <vector>

#include "gxf/std/clock.hpp"
#include "gxf/std/entity_executor.hpp"
#include "gxf/std/scheduler.hpp"

namespace nvidia {
namespace gxf {

// Runs the graph on the caller's thread, one epoch at a time (GXF's EpochScheduler): an
// application embeds the graph in its own loop and calls run_epoch() (Python:
// gxf.std.epoch_scheduler_pybind.run_epoch). run_async() only arms it; wait() returns once
// stop() (graph_interrupt) was called, and stops the entities.
//
// An epoch visits every active entity in activation order, pass after pass: with a positive
// budget until `clock` passed the budget (ms) since the epoch began, else one pass. It ends
// early when a pass found no entity READY and no external event is pending. WAIT_EVENT
// entities leave the active list until an external event; NEVER ones (or unscheduled ones)
// for good. Concurrency: one epoch at a time (later callers wait); event_notify and stop may
// come from any thread.
class EpochScheduler : public Scheduler {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;
  gxf_result_t schedule(EntityItem* item) override;
  gxf_result_t unschedule(EntityItem* item) override;
  gxf_result_t run_async() override;
  gxf_result_t stop() override;
  gxf_result_t wait() override;
  gxf_result_t event_notify(gxf_uid_t eid, EventType event) override;

  // Runs one epoch on the calling thread (budget_ms <= 0: one pass over the entities).
  gxf_result_t run_epoch(double budget_ms);

 private:
  // Moves entities woken by external events back to the active list; true if any.
  bool take_events();

  Parameter<Handle<Clock>> clock_;

  std::mutex epoch_mutex_;  // one epoch at a time
  std::vector<EntityItem*> active_;
  std::vector<EntityItem*> waiting_event_;

  std::mutex mutex_;  // guards everything below
  std::condition_variable stopped_;
  bool stopping_ = true;
  bool armed_ = false;
  std::unordered_set<EntityItem*> unscheduled_;
  std::unordered_set<gxf_uid_t> events_;
  std::vector<EntityItem*> added_;  // scheduled while armed: joins at the next epoch
};

}  // namespace gxf
}  // namespace nvidia
