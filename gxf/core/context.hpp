// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "gxf/core/cache_line.hpp"
#include "gxf/core/entity.hpp"
#include "gxf/core/entity_groups.hpp"
#include "gxf/core/extension.hpp"
#include "gxf/core/runtime.hpp"
#include "gxf/core/type_registry.hpp"
#include "gxf/core/spin_lock.hpp"

namespace nvidia {
namespace gxf {

// Owns everything of one graph: loaded extensions and their types, entities and components,
// the uid counter, the message-entity pool and the runtime (program) that runs the graph.
class Context {
 public:
  Context();
  // Frees the graph; the object itself lives on until the last message entity that user code
  // still holds is released. Use instead of delete.
  void shutdown();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  gxf_uid_t next_uid() { return uid_counter_.fetch_add(1, std::memory_order_relaxed); }
  // A uid for a message entity or one of its components: taken from a block the calling
  // thread reserved, so that workers publishing at once do not all bump one shared counter.
  // Unique like next_uid(), but not in creation order across threads.
  gxf_uid_t next_message_uid();

  // Extensions
  Result load_extension(std::unique_ptr<Extension> extension);
  Result load_extension_library(const std::string& path);
  TypeRegistry& registry() { return registry_; }
  const std::vector<std::unique_ptr<Extension>>& extensions() const { return extensions_; }

  // Graph entities
  Expected<Entity*> create_entity(const std::string& name);
  Expected<Component*> add_component(Entity* entity, const std::string& type_name,
                                     const std::string& name);
  Entity* find_entity(const std::string& name) const;
  Entity* entity(gxf_uid_t eid) const;
  Component* component(gxf_uid_t cid) const;
  // Graph entities in creation order.
  std::vector<Entity*> graph_entities() const;
  // Moves the named entities to the front of the creation order (start_order).
  void reorder_entities(const std::vector<Entity*>& first);

  // Message entities
  EntityRef create_message();
  Expected<Component*> add_message_component(Entity* message, const TypeInfo* type,
                                             const std::string& name);
  template <typename T>
  T* add_message_component(Entity* message, const std::string& name);
  // Registered type of T, cached per context: messages are built on the hot path, where a
  // registry lookup would hash the type's name for every message.
  template <typename T>
  const TypeInfo* message_type();
  // Makes a message reachable by eid (for Python and eid-based APIs) until it is freed.
  void register_message(Entity* message);
  void recycle(Entity* message);

  // Entity groups (the default group took uid 1 at construction).
  EntityGroups& entity_groups() { return entity_groups_; }

  // Runtime
  void install_runtime(std::unique_ptr<Runtime> runtime) { runtime_ = std::move(runtime); }
  Runtime* runtime() const { return runtime_.get(); }

  // First failure raised by user code (e.g. a Python exception), kept for the caller of
  // graph_wait. First one wins.
  void set_failure_payload(std::shared_ptr<void> payload);
  std::shared_ptr<void> take_failure_payload();

  // First failure of a graph run (a codelet's start/tick/stop, a scheduling term) with its
  // reason, kept for the caller of wait(). First one wins; take returns it as a failed Result
  // (a successful one when none was recorded) and clears it.
  void record_run_failure(Error error);
  Result take_run_failure();

  // Where a graph component was declared ("graph.yaml:14"), named in its failures.
  void set_component_source(gxf_uid_t cid, std::string source);
  std::string component_source(gxf_uid_t cid) const;

  // Root directory for relative graph and subgraph paths (GxfGraphSetRootPath).
  std::string root_path;
  // Subgraph components whose files were loaded: a parameter file that sets a location
  // later triggers the load once. Loader state of this context, kept here so it dies with it.
  std::unordered_set<gxf_uid_t> loaded_subgraphs;

 private:
  ~Context();
  static size_t next_message_type_slot();
  void register_component(Component* component);
  Expected<Component*> create_component(Entity* entity, const TypeInfo* type,
                                        const std::string& name);

  std::atomic<gxf_uid_t> uid_counter_{1};
  EntityGroups entity_groups_;
  TypeRegistry registry_;
  std::vector<std::unique_ptr<Extension>> extensions_;
  std::vector<void*> library_handles_;

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Entity>> entities_;
  std::unordered_map<std::string, Entity*> entities_by_name_;
  std::unordered_map<gxf_uid_t, Entity*> entities_by_eid_;
  std::unordered_map<gxf_uid_t, Component*> components_by_cid_;

  // The message pool, in shards: a thread takes and returns messages through the shard of
  // its own (shard_index()), so workers creating and freeing messages at once do not contend
  // for one lock. A shard's `live` is messages created minus messages freed through it (it
  // may go below zero: a message is freed on another thread than the one that made it); their
  // sum is the messages alive, which decides when a shut-down context is freed.
  struct alignas(kCacheLine) MessageShard {
    SpinLock lock;
    std::vector<Entity*> pool;
    int64_t live = 0;
  };
  static constexpr size_t kMessageShards = 32;
  static size_t shard_index();
  // Moves up to a batch of pooled messages from other shards into `shard` (its lock not held):
  // a thread that only creates messages that other threads free would otherwise allocate.
  Entity* take_from_other_shards(size_t index);
  void recycle_after_shutdown(Entity* message);
  std::array<MessageShard, kMessageShards> shards_;
  // Set with every shard's lock held, so a shard lock holder reads it consistently.
  bool shut_down_ = false;
  std::mutex shutdown_mutex_;  // orders the frees that follow shutdown()
  const uint64_t serial_;      // process-wide unique: keys the threads' uid blocks

  static constexpr size_t kMessageTypeSlots = 64;
  std::array<std::atomic<const TypeInfo*>, kMessageTypeSlots> message_types_{};

  std::unique_ptr<Runtime> runtime_;

  std::mutex failure_mutex_;
  std::shared_ptr<void> failure_payload_;
  bool has_run_failure_ = false;
  Error run_failure_;
  std::unordered_map<gxf_uid_t, std::string> component_sources_;  // guarded by mutex_
};

template <typename T>
T* Context::add_message_component(Entity* message, const std::string& name) {
  const TypeInfo* type = message_type<T>();
  if (!type) return nullptr;
  auto component = add_message_component(message, type, name);
  return component ? static_cast<T*>(component.value()) : nullptr;
}

template <typename T>
const TypeInfo* Context::message_type() {
  static const size_t slot = next_message_type_slot();
  if (slot >= kMessageTypeSlots) return registry_.find(std::type_index(typeid(T)));
  const TypeInfo* type = message_types_[slot].load(std::memory_order_acquire);
  if (!type) {
    type = registry_.find(std::type_index(typeid(T)));
    if (type) message_types_[slot].store(type, std::memory_order_release);
  }
  return type;
}

}  // namespace gxf
}  // namespace nvidia
