// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include "gxf/std/clock.hpp"
#include "gxf/std/entity_executor.hpp"
#include "gxf/std/run_limits.hpp"
#include "gxf/std/scheduler.hpp"

namespace nvidia {
namespace gxf {

// One worker thread visits every entity in activation order, once per pass, all with the same
// `now`. It sleeps to the earliest time target when nothing is ready, parks WAIT_EVENT entities
// until an external event, and ends on deadlock, max duration, interrupt or failure.
class GreedyScheduler : public Scheduler {
 public:
  ~GreedyScheduler() override;
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t deinitialize() override;

  gxf_result_t schedule(EntityItem* item) override;
  gxf_result_t unschedule(EntityItem* item) override;
  gxf_result_t run_async() override;
  gxf_result_t stop() override;
  gxf_result_t wait() override;
  gxf_result_t event_notify(gxf_uid_t eid, EventType event) override;

 private:
  void run_loop();
  gxf_result_t run_passes();
  // Visits every active entity once; counts READY ones, tracks the earliest time target.
  gxf_result_t tick_entities(int64_t now, int* ready_count, int64_t* earliest_target);
  bool wake_parked_entities();
  bool deadlock_expired();
  void sleep_until(int64_t target);
  void wait_for_event();
  bool stop_requested() const { return stop_requested_.load(std::memory_order_acquire); }

  Parameter<Handle<Clock>> clock_;
  Parameter<bool> realtime_;
  RunLimitParameters limits_;
  Parameter<double> check_recession_period_ms_;

  Clock* active_clock_ = nullptr;
  RunClock run_clock_;
  IdleTimer idle_;
  std::unique_ptr<Clock> internal_clock_;
  std::vector<EntityItem*> scheduled_;
  std::vector<EntityItem*> active_;
  std::vector<EntityItem*> parked_;
  std::thread thread_;
  std::atomic<bool> stop_requested_{false};
  std::atomic<bool> running_{false};
  gxf_result_t result_ = GXF_SUCCESS;

  std::mutex event_mutex_;
  std::condition_variable event_condition_;
  std::unordered_set<gxf_uid_t> notified_;
};

}  // namespace gxf
}  // namespace nvidia
