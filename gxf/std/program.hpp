// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <mutex>
#include <vector>

#include "gxf/core/context.hpp"
#include "gxf/core/runtime.hpp"
#include "gxf/std/entity_executor.hpp"
#include "gxf/std/scheduler.hpp"

namespace nvidia {
namespace gxf {

enum class ProgramState {
  kOrigin,
  kActivating,
  kActivated,
  kStarting,
  kRunning,
  kInterrupting,
  kDeinitializing,
};

// The graph state machine (ORIGIN -> ACTIVATED -> RUNNING -> ACTIVATED -> ORIGIN): activation
// order, routes, the executor and the scheduler of one context.
class Program : public Runtime {
 public:
  explicit Program(Context* context) : context_(context) {}
  ~Program() override;

  Result activate() override;
  Result run_async() override;
  Result wait() override;
  Result interrupt() override;
  Result deactivate() override;
  Result notify(gxf_uid_t eid, EventType event) override;
  int entity_status(gxf_uid_t eid) const override;
  std::vector<RunningCall> running_calls() const override { return executor_.running_calls(); }
  void destroy() override;

  EntityExecutor& executor() { return executor_; }

 private:
  std::vector<Entity*> activation_order(const std::vector<Entity*>& entities) const;
  Result register_routes(const std::vector<Entity*>& entities);
  // Shares each entity's resources (ThreadPool, GPUDevice) with its entity group.
  void publish_resources(const std::vector<Entity*>& entities);
  void add_route(Transmitter* source, Receiver* target);
  void register_topics(const std::vector<Entity*>& entities);
  Result activate_entity(Entity* entity);
  Result deactivate_entity(Entity* entity);
  Result deactivate_locked();
  void deinitialize_remaining();

  Context* context_;
  // Recursive: components may call back into the program from initialize()/deinitialize().
  mutable std::recursive_mutex mutex_;
  // Atomic so notify() can read it without mutex_: codelets notify from their own threads,
  // and deactivation holds mutex_ while codelet stop() joins those threads.
  std::atomic<ProgramState> state_{ProgramState::kOrigin};
  std::vector<Entity*> activated_;
  std::vector<Entity*> initialized_;  // every entity whose components are initialized
  std::vector<Transmitter*> routed_transmitters_;
  std::vector<Receiver*> routed_receivers_;
  EntityExecutor executor_;
  Scheduler* scheduler_ = nullptr;
  std::atomic<Scheduler*> event_target_{nullptr};  // scheduler_, for notify()
};

}  // namespace gxf
}  // namespace nvidia
