// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/program.hpp"

#include <algorithm>
#include <map>
#include <new>
#include <stdexcept>

#include "gxf/core/logger.hpp"
#include "gxf/std/connection.hpp"
#include "gxf/std/resources.hpp"
#include "gxf/std/topic.hpp"

namespace nvidia {
namespace gxf {

namespace {

enum class EntityClass { kSystem = 0, kRouter = 1, kConnection = 2, kGraph = 3 };

EntityClass classify(const Entity* entity) {
  if (!entity->find_all<System>().empty()) return EntityClass::kSystem;
  if (!entity->find_all<Connection>().empty()) return EntityClass::kConnection;
  return EntityClass::kGraph;
}

bool contains(const std::vector<Entity*>& entities, const Entity* entity) {
  return std::find(entities.begin(), entities.end(), entity) != entities.end();
}

Error component_error(const Component* component, gxf_result_t code, const std::string& what) {
  return component_failure(component, code, what);
}

// initialize(), with an allocation that fails (a size the parameters allow but the machine
// cannot hold) turned into the component's failure instead of an exception.
gxf_result_t initialize_component(Component* component) {
  try {
    return component->initialize();
  } catch (const std::bad_alloc&) {
    return component->fail(GXF_OUT_OF_MEMORY, "out of memory (std::bad_alloc)");
  } catch (const std::length_error& error) {
    return component->fail(GXF_OUT_OF_MEMORY, "out of memory (%s)", error.what());
  } catch (const std::exception& error) {
    return component->fail(GXF_FAILURE, "C++ exception: %s", error.what());
  }
}

}  // namespace

Program::~Program() { destroy(); }

std::vector<Entity*> Program::activation_order(const std::vector<Entity*>& entities) const {
  std::vector<Entity*> ordered = entities;
  std::stable_sort(ordered.begin(), ordered.end(), [](const Entity* a, const Entity* b) {
    return static_cast<int>(classify(a)) < static_cast<int>(classify(b));
  });
  return ordered;
}

Result Program::register_routes(const std::vector<Entity*>& entities) {
  for (Entity* entity : entities) {
    for (Connection* connection : entity->find_all<Connection>()) {
      Transmitter* source = connection->source();
      Receiver* target = connection->target();
      if (!source || !target) {
        return component_error(connection, GXF_PARAMETER_MANDATORY_NOT_SET,
                               "connection needs both 'source' and 'target'");
      }
      add_route(source, target);
    }
  }
  register_topics(entities);
  return Result();
}

void Program::publish_resources(const std::vector<Entity*>& entities) {
  EntityGroups& groups = context_->entity_groups();
  for (Entity* entity : entities) {
    for (ResourceBase* resource : entity->find_all<ResourceBase>()) {
      groups.add_resource(groups.group_of(entity->eid()), resource);
    }
  }
}

void Program::add_route(Transmitter* source, Receiver* target) {
  const auto& targets = source->targets();
  if (std::find(targets.begin(), targets.end(), target) != targets.end()) return;
  source->add_target(target);
  target->add_source(source);
  routed_transmitters_.push_back(source);
  routed_receivers_.push_back(target);
}

void Program::register_topics(const std::vector<Entity*>& entities) {
  struct Members {
    std::vector<Transmitter*> transmitters;
    std::vector<Receiver*> receivers;
  };
  std::map<std::string, Members> topics;
  for (Entity* entity : entities) {
    for (Topic* topic : entity->find_all<Topic>()) {
      Members& members = topics[topic->topic_name()];
      for (const auto& transmitter : topic->transmitters()) {
        if (transmitter) members.transmitters.push_back(transmitter.get());
      }
      for (const auto& receiver : topic->receivers()) {
        if (receiver) members.receivers.push_back(receiver.get());
      }
    }
  }
  for (const auto& topic : topics) {
    for (Transmitter* source : topic.second.transmitters) {
      for (Receiver* target : topic.second.receivers) add_route(source, target);
    }
  }
}

Result Program::activate_entity(Entity* entity) {
  for (const auto& component : entity->components()) {
    for (const ParameterBase* parameter : component->parameters()) {
      if (!parameter->is_set() && !parameter->is_optional()) {
        return component_error(component.get(), GXF_PARAMETER_MANDATORY_NOT_SET,
                               "mandatory parameter '" + parameter->key() + "' (" +
                                   parameter->type_name() + ") is not set");
      }
      Result in_range = parameter->check_range();
      if (!in_range) {
        return component_error(component.get(), in_range.error().code, in_range.error().message);
      }
    }
  }
  std::vector<Component*> initialized;
  for (const auto& component : entity->components()) {
    discard_failure();
    gxf_result_t code = initialize_component(component.get());
    if (code != GXF_SUCCESS) {
      for (auto it = initialized.rbegin(); it != initialized.rend(); ++it) (*it)->deinitialize();
      return component_error(component.get(), code, "initialize() failed");
    }
    initialized.push_back(component.get());
  }
  initialized_.push_back(entity);
  for (Scheduler* scheduler : entity->find_all<Scheduler>()) {
    if (scheduler_ && scheduler_ != scheduler) {
      return component_error(scheduler, GXF_ARGUMENT_INVALID,
                             "a graph may hold only one scheduler; '" +
                                 scheduler_->entity()->name() + "/" + scheduler_->name() +
                                 "' is already active");
    }
    scheduler_ = scheduler;
  }
  for (ExecutionObserver* observer : entity->find_all<ExecutionObserver>()) {
    executor_.add_observer(observer);
  }
  for (Monitor* monitor : entity->find_all<Monitor>()) executor_.add_monitor(monitor);
  executor_.add(entity);
  activated_.push_back(entity);
  return Result();
}

Result Program::activate() {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  if (state_ != ProgramState::kOrigin) {
    return make_error(GXF_INVALID_EXECUTION_SEQUENCE, "graph is already active");
  }
  state_ = ProgramState::kActivating;
  Result stale = context_->take_run_failure();  // a previous run's failure was reported then
  (void)stale;
  std::vector<Entity*> pending;
  for (Entity* entity : context_->graph_entities()) {
    if (!contains(activated_, entity)) pending.push_back(entity);
  }
  std::vector<Entity*> ordered = activation_order(pending);
  Result result = register_routes(ordered);
  publish_resources(ordered);
  for (size_t i = 0; result && i < ordered.size(); ++i) result = activate_entity(ordered[i]);
  if (result && scheduler_) {
    discard_failure();
    gxf_result_t code = scheduler_->prepare(&executor_);
    if (code == GXF_SUCCESS && scheduler_->wants_message_events()) {
      Scheduler* scheduler = scheduler_;
      executor_.set_event_sink(
          [scheduler](gxf_uid_t eid, EventType event) { scheduler->event_notify(eid, event); });
      executor_.set_item_sink([scheduler](EntityItem* item, EventType event) {
        scheduler->event_notify_item(item, event);
      });
    }
    for (size_t i = 0; code == GXF_SUCCESS && i < executor_.items().size(); ++i) {
      code = scheduler_->schedule(executor_.items()[i].get());
    }
    if (code != GXF_SUCCESS) result = component_error(scheduler_, code, "scheduling failed");
  }
  if (!result) {
    Result ignored = deactivate_locked();
    (void)ignored;
    state_ = ProgramState::kOrigin;
    return result;
  }
  event_target_.store(scheduler_);
  state_ = ProgramState::kActivated;
  return Result();
}

Result Program::run_async() {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  if (state_ != ProgramState::kActivated) {
    return make_error(GXF_INVALID_EXECUTION_SEQUENCE, "graph must be activated before it runs");
  }
  if (!scheduler_) {
    GXF_LOG_WARNING("No GXF scheduler specified.");
    state_ = ProgramState::kRunning;
    return Result();
  }
  state_ = ProgramState::kStarting;
  discard_failure();
  gxf_result_t code = scheduler_->run_async();
  if (code != GXF_SUCCESS) {
    Error error = component_error(scheduler_, code, "scheduler failed to start");
    Result ignored = deactivate_locked();
    (void)ignored;
    return error;
  }
  state_ = ProgramState::kRunning;
  return Result();
}

Result Program::wait() {
  Scheduler* scheduler = nullptr;
  {
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    switch (state_) {
      case ProgramState::kActivating:
        return make_error(GXF_INVALID_EXECUTION_SEQUENCE, "graph is activating");
      case ProgramState::kStarting:
      case ProgramState::kRunning:
      case ProgramState::kInterrupting:
        scheduler = scheduler_;
        break;
      default:
        return Result();
    }
  }
  gxf_result_t code = scheduler ? scheduler->wait() : GXF_SUCCESS;
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  if (state_ == ProgramState::kStarting || state_ == ProgramState::kRunning ||
      state_ == ProgramState::kInterrupting) {
    state_ = ProgramState::kActivated;
  }
  if (code != GXF_SUCCESS) {
    Result deactivated = deactivate_locked();
    if (!deactivated) GXF_LOG_ERROR("%s", deactivated.error().what().c_str());
    // The executor recorded which component failed, and why; the code stays the scheduler's.
    Result failure = context_->take_run_failure();
    if (failure) return make_error(code, "the graph run failed");
    failure.error().code = code;
    return failure;
  }
  Result ignored = context_->take_run_failure();  // e.g. a stop() failing after an interrupt
  (void)ignored;
  return Result();
}

Result Program::interrupt() {
  Scheduler* scheduler = nullptr;
  {
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    if (state_ != ProgramState::kRunning && state_ != ProgramState::kStarting) {
      return make_error(GXF_INVALID_EXECUTION_SEQUENCE, "graph is not running");
    }
    state_ = ProgramState::kInterrupting;
    scheduler = scheduler_;
  }
  if (scheduler) {
    gxf_result_t code = scheduler->stop();
    if (code != GXF_SUCCESS) return make_error(code, "scheduler failed to stop");
  }
  return Result();
}

Result Program::deactivate() {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  if (state_ == ProgramState::kStarting || state_ == ProgramState::kRunning ||
      state_ == ProgramState::kInterrupting) {
    return make_error(GXF_INVALID_EXECUTION_SEQUENCE, "graph is running; interrupt and wait first");
  }
  return deactivate_locked();
}

Result Program::deactivate_entity(Entity* entity) {
  if (EntityItem* item = executor_.item(entity->eid())) item->stop();  // stop errors ignored here
  for (ResourceBase* resource : entity->find_all<ResourceBase>()) {
    context_->entity_groups().remove_resource(resource);
  }
  Result result;
  const auto& components = entity->components();
  for (auto it = components.rbegin(); it != components.rend(); ++it) {
    discard_failure();
    gxf_result_t code = (*it)->deinitialize();
    if (code != GXF_SUCCESS && result) {
      result = component_error(it->get(), code, "deinitialize() failed");
    }
  }
  initialized_.erase(std::remove(initialized_.begin(), initialized_.end(), entity),
                     initialized_.end());
  return result;
}

Result Program::deactivate_locked() {
  if (state_ == ProgramState::kOrigin && activated_.empty() && initialized_.empty()) {
    return Result();
  }
  state_ = ProgramState::kDeinitializing;
  std::vector<Entity*> order;
  for (auto it = initialized_.rbegin(); it != initialized_.rend(); ++it) {
    if ((*it)->find_all<Scheduler>().empty()) order.push_back(*it);
  }
  for (Entity* entity : initialized_) {
    if (!(*entity).find_all<Scheduler>().empty()) order.push_back(entity);
  }
  Result result;
  for (Entity* entity : order) {
    result = deactivate_entity(entity);
    if (!result) break;  // GXF stops at the first failing entity
  }
  for (Transmitter* transmitter : routed_transmitters_) transmitter->clear_routes();
  for (Receiver* receiver : routed_receivers_) receiver->clear_routes();
  routed_transmitters_.clear();
  routed_receivers_.clear();
  // A scheduler left initialized by an aborted deactivation must not keep pointers to the
  // executor's items, which are freed next.
  if (scheduler_) {
    for (const auto& item : executor_.items()) scheduler_->unschedule(item.get());
  }
  executor_.clear();
  activated_.clear();
  scheduler_ = nullptr;
  event_target_.store(nullptr);
  state_ = result ? ProgramState::kOrigin : ProgramState::kDeinitializing;
  return result;
}

Result Program::notify(gxf_uid_t eid, EventType event) {
  ProgramState state = state_.load();
  if (state == ProgramState::kActivating || state == ProgramState::kDeinitializing) {
    return Result();
  }
  if (state != ProgramState::kStarting && state != ProgramState::kRunning &&
      state != ProgramState::kInterrupting) {
    return make_error(GXF_INVALID_EXECUTION_SEQUENCE, "graph is not running");
  }
  if (Scheduler* scheduler = event_target_.load()) scheduler->event_notify(eid, event);
  return Result();
}

int Program::entity_status(gxf_uid_t eid) const {
  // Not mutex_: a deactivation waiting on a stuck codelet holds it, and the report of what is
  // stuck reads statuses.
  return executor_.status_of(eid);
}

void Program::deinitialize_remaining() {
  for (auto it = initialized_.rbegin(); it != initialized_.rend(); ++it) {
    const auto& components = (*it)->components();
    for (auto c = components.rbegin(); c != components.rend(); ++c) (*c)->deinitialize();
  }
  initialized_.clear();
}

void Program::destroy() {
  Scheduler* scheduler = nullptr;
  {
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    if (state_ == ProgramState::kStarting || state_ == ProgramState::kRunning ||
        state_ == ProgramState::kInterrupting) {
      scheduler = scheduler_;
    }
  }
  // A context destroyed while running: stop the scheduler so no thread outlives the graph.
  if (scheduler) {
    scheduler->stop();
    scheduler->wait();
  }
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  if (state_ != ProgramState::kOrigin || !initialized_.empty()) {
    executor_.stop_all();
    deinitialize_remaining();
  }
  executor_.clear();
  activated_.clear();
  state_ = ProgramState::kOrigin;
}

}  // namespace gxf
}  // namespace nvidia
