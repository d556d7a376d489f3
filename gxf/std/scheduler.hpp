// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include "gxf/std/clock.hpp"

#include "gxf/core/component.hpp"
#include "gxf/core/runtime.hpp"

namespace nvidia {
namespace gxf {

class EntityExecutor;
class EntityItem;

// Most threads a scheduler's worker_thread_number or a ThreadPool may ask for: each is an OS
// thread; far past the cores they only thrash, and an absurd count would exhaust the process
// before the graph ran.
constexpr int64_t kMaxWorkerThreads = 1024;

// A run-loop owner (GXF System).
class System : public Component {};

// Decides which entity runs when. Sequence: prepare(executor), schedule() for each codelet
// entity, run_async(), then wait() joins; stop() (interrupt) may come from any thread and
// makes wait() return. event_notify() may come from any thread while running.
class Scheduler : public System {
 public:
  virtual gxf_result_t prepare(EntityExecutor* executor) {
    executor_ = executor;
    return GXF_SUCCESS;
  }
  virtual gxf_result_t schedule(EntityItem* item) = 0;
  virtual gxf_result_t unschedule(EntityItem* item) { return GXF_SUCCESS; }
  virtual gxf_result_t run_async() = 0;
  virtual gxf_result_t stop() = 0;
  virtual gxf_result_t wait() = 0;
  virtual gxf_result_t event_notify(gxf_uid_t eid, EventType event) { return GXF_SUCCESS; }
  // The same for an entity whose executor item is at hand (no lookup by eid).
  virtual gxf_result_t event_notify_item(EntityItem* item, EventType event);
  // True when the scheduler reacts to MESSAGE_SYNC/STATE_UPDATE/TIME_UPDATE events; others
  // are spared the notification cost on every message.
  virtual bool wants_message_events() const { return false; }

 protected:
  EntityExecutor* executor_ = nullptr;
};

}  // namespace gxf
}  // namespace nvidia
