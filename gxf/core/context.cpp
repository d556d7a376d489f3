// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/context.hpp"

#include <dlfcn.h>

#include <algorithm>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

namespace {
constexpr size_t kMaxPooledPerShard = 256;
constexpr size_t kStealBatch = 32;
constexpr gxf_uid_t kUidBlock = 1024;

std::atomic<uint64_t> g_context_serials{1};

// The calling thread's reserved uids, for the context it last made messages in.
struct UidBlock {
  uint64_t serial = 0;
  gxf_uid_t next = 0;
  gxf_uid_t end = 0;
};
thread_local UidBlock t_uid_block;
}  // namespace

Context::Context()
    : entity_groups_(next_uid()), serial_(g_context_serials.fetch_add(1)) {}

gxf_uid_t Context::next_message_uid() {
  UidBlock& block = t_uid_block;
  if (block.serial != serial_ || block.next == block.end) {
    block.serial = serial_;
    block.next = uid_counter_.fetch_add(kUidBlock, std::memory_order_relaxed);
    block.end = block.next + kUidBlock;
  }
  return block.next++;
}

size_t Context::shard_index() {
  static std::atomic<size_t> next_thread{0};
  thread_local size_t index = next_thread.fetch_add(1, std::memory_order_relaxed) % kMessageShards;
  return index;
}

size_t Context::next_message_type_slot() {
  static std::atomic<size_t> next{0};
  return next.fetch_add(1, std::memory_order_relaxed);
}

Context::~Context() {
  for (MessageShard& shard : shards_) {
    for (Entity* message : shard.pool) delete message;
  }
}

void Context::shutdown() {
  if (runtime_) runtime_->destroy();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    // Reverse creation order, so components referring to earlier entities go first.
    while (!entities_.empty()) entities_.pop_back();
    entities_by_name_.clear();
    entities_by_eid_.clear();
    components_by_cid_.clear();
  }
  runtime_.reset();
  int64_t live = 0;
  {
    std::lock_guard<std::mutex> order(shutdown_mutex_);
    for (MessageShard& shard : shards_) shard.lock.lock();
    shut_down_ = true;
    for (MessageShard& shard : shards_) live += shard.live;
    for (MessageShard& shard : shards_) shard.lock.unlock();
  }
  if (live == 0) delete this;
}

Result Context::load_extension(std::unique_ptr<Extension> extension) {
  for (const auto& loaded : extensions_) {
    if (loaded->name() == extension->name()) return Result();  // loading twice is harmless
  }
  Result result = registry_.add_extension(*extension);
  if (!result) return result.error().with_context("extension '" + extension->name() + "'");
  Extension& added = *extension;
  extensions_.push_back(std::move(extension));
  if (added.load_hook()) {
    result = added.load_hook()(*this);
    if (!result) return result.error().with_context("extension '" + added.name() + "'");
  }
  return Result();
}

Result Context::load_extension_library(const std::string& path) {
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    return make_error(GXF_EXTENSION_FILE_NOT_FOUND, "cannot load '" + path + "': " + dlerror());
  }
  auto factory = reinterpret_cast<ExtensionFactory>(dlsym(handle, GXF_EXTENSION_FACTORY_SYMBOL));
  if (!factory) {
    dlclose(handle);
    return make_error(GXF_EXTENSION_NO_FACTORY, "'" + path + "' does not define " +
                                                    GXF_EXTENSION_FACTORY_SYMBOL +
                                                    " (use GXF_EXTENSION_FACTORY)");
  }
  auto extension = std::make_unique<Extension>();
  factory(*extension);
  if (extension->name().empty()) {
    return make_error(GXF_FACTORY_INVALID_INFO, "'" + path + "' did not call set_info()");
  }
  library_handles_.push_back(handle);
  return load_extension(std::move(extension));
}

Expected<Entity*> Context::create_entity(const std::string& name) {
  gxf_uid_t eid = next_uid();
  std::lock_guard<std::mutex> lock(mutex_);
  std::string entity_name = name.empty() ? "__entity_" + std::to_string(eid) : name;
  if (entities_by_name_.count(entity_name)) {
    return make_error(GXF_ARGUMENT_INVALID, "an entity named '" + entity_name + "' already exists");
  }
  auto entity = std::make_unique<Entity>(this, eid, entity_name, false);
  Entity* raw = entity.get();
  raw->acquire();
  entities_.push_back(std::move(entity));
  entities_by_name_[entity_name] = raw;
  entities_by_eid_[eid] = raw;
  return raw;
}

Expected<Component*> Context::create_component(Entity* entity, const TypeInfo* type,
                                               const std::string& name) {
  if (type->is_abstract()) {
    return make_error(GXF_FACTORY_ABSTRACT_CLASS,
                      "type '" + type->name + "' is abstract and cannot be instantiated");
  }
  std::unique_ptr<Component> component(type->factory());
  component->context_ = this;
  component->entity_ = entity;
  component->cid_ = next_uid();
  component->name_ = name;
  component->type_ = type;
  Registrar registrar(component.get());
  gxf_result_t code = component->register_interface(&registrar);
  if (code != GXF_SUCCESS) {
    return make_error(code, "register_interface failed for type '" + type->name + "'");
  }
  Component* raw = component.get();
  entity->components_.push_back(std::move(component));
  return raw;
}

Expected<Component*> Context::add_component(Entity* entity, const std::string& type_name,
                                            const std::string& name) {
  const TypeInfo* type = registry_.find(type_name);
  if (!type) {
    return make_error(GXF_FACTORY_UNKNOWN_CLASS_NAME,
                      "unknown component type '" + type_name +
                          "' (is its extension listed in the manifest?)");
  }
  auto component = create_component(entity, type, name);
  if (!component) return component;
  register_component(component.value());
  return component;
}

void Context::register_component(Component* component) {
  std::lock_guard<std::mutex> lock(mutex_);
  components_by_cid_[component->cid()] = component;
}

Entity* Context::find_entity(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entities_by_name_.find(name);
  return it == entities_by_name_.end() ? nullptr : it->second;
}

Entity* Context::entity(gxf_uid_t eid) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entities_by_eid_.find(eid);
  return it == entities_by_eid_.end() ? nullptr : it->second;
}

Component* Context::component(gxf_uid_t cid) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = components_by_cid_.find(cid);
  return it == components_by_cid_.end() ? nullptr : it->second;
}

std::vector<Entity*> Context::graph_entities() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Entity*> result;
  result.reserve(entities_.size());
  for (const auto& entity : entities_) result.push_back(entity.get());
  return result;
}

void Context::reorder_entities(const std::vector<Entity*>& first) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::stable_partition(entities_.begin(), entities_.end(), [&first](const auto& entity) {
    return std::find(first.begin(), first.end(), entity.get()) != first.end();
  });
  std::stable_sort(entities_.begin(), entities_.begin() + first.size(),
                   [&first](const auto& a, const auto& b) {
                     return std::find(first.begin(), first.end(), a.get()) <
                            std::find(first.begin(), first.end(), b.get());
                   });
}

EntityRef Context::create_message() {
  Entity* message = nullptr;
  const size_t index = shard_index();
  MessageShard& shard = shards_[index];
  {
    std::lock_guard<SpinLock> lock(shard.lock);
    ++shard.live;
    if (!shard.pool.empty()) {
      message = shard.pool.back();
      shard.pool.pop_back();
    }
  }
  if (!message) message = take_from_other_shards(index);
  gxf_uid_t eid = next_message_uid();
  if (message) {
    message->eid_ = eid;
    message->name_.clear();
  } else {
    message = new Entity(this, eid, std::string(), true);
  }
  return EntityRef(message);
}

Expected<Component*> Context::add_message_component(Entity* message, const TypeInfo* type,
                                                    const std::string& name) {
  auto& spares = message->spare_components_;
  for (auto it = spares.begin(); it != spares.end(); ++it) {
    if ((*it)->type_ != type) continue;
    std::unique_ptr<Component> component = std::move(*it);
    spares.erase(it);
    component->cid_ = next_message_uid();
    component->name_ = name;
    Component* raw = component.get();
    message->components_.push_back(std::move(component));
    if (message->registered_) register_component(raw);
    return raw;
  }
  auto component = create_component(message, type, name);
  // A message already reachable by eid keeps every component reachable by cid.
  if (component && message->registered_) register_component(component.value());
  return component;
}

void Context::register_message(Entity* message) {
  if (message->registered_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  message->registered_ = true;
  entities_by_eid_[message->eid()] = message;
  for (const auto& component : message->components()) {
    components_by_cid_[component->cid()] = component.get();
  }
}

void Context::recycle(Entity* message) {
  if (message->registered_) {
    std::lock_guard<std::mutex> lock(mutex_);
    entities_by_eid_.erase(message->eid());
    for (const auto& component : message->components()) {
      components_by_cid_.erase(component->cid());
    }
    message->registered_ = false;
  }
  while (!message->components_.empty()) {
    std::unique_ptr<Component> component = std::move(message->components_.back());
    message->components_.pop_back();
    if (component->reset_for_reuse() && message->spare_components_.size() < 8) {
      message->spare_components_.push_back(std::move(component));
    }
  }
  message->interfaces_.clear();
  MessageShard& shard = shards_[shard_index()];
  bool pooled = false;
  bool after_shutdown;
  {
    std::lock_guard<SpinLock> lock(shard.lock);
    after_shutdown = shut_down_;
    if (!after_shutdown) {
      --shard.live;
      if (shard.pool.size() < kMaxPooledPerShard) {
        shard.pool.push_back(message);
        pooled = true;
      }
    }
  }
  if (pooled) return;
  if (after_shutdown) {
    recycle_after_shutdown(message);  // counts it, and frees the context after the last one
    return;
  }
  delete message;  // over the shard's cap
}

void Context::recycle_after_shutdown(Entity* message) {
  delete message;
  int64_t live = 0;
  {
    // One at a time: the free that brings the sum to zero is the last one and frees the context.
    std::lock_guard<std::mutex> order(shutdown_mutex_);
    MessageShard& own = shards_[shard_index()];
    {
      std::lock_guard<SpinLock> lock(own.lock);
      --own.live;
    }
    for (MessageShard& shard : shards_) {
      std::lock_guard<SpinLock> lock(shard.lock);
      live += shard.live;
    }
  }
  if (live == 0) delete this;
}

Entity* Context::take_from_other_shards(size_t index) {
  Entity* taken[kStealBatch];
  size_t count = 0;
  for (size_t step = 1; step < kMessageShards && count == 0; ++step) {
    MessageShard& other = shards_[(index + step) % kMessageShards];
    if (!other.lock.try_lock()) continue;
    while (count < kStealBatch && !other.pool.empty()) {
      taken[count++] = other.pool.back();
      other.pool.pop_back();
    }
    other.lock.unlock();
  }
  if (count == 0) return nullptr;
  if (count > 1) {
    MessageShard& shard = shards_[index];
    std::lock_guard<SpinLock> lock(shard.lock);
    shard.pool.insert(shard.pool.end(), taken + 1, taken + count);
  }
  return taken[0];
}

void Context::set_failure_payload(std::shared_ptr<void> payload) {
  std::lock_guard<std::mutex> lock(failure_mutex_);
  if (!failure_payload_) failure_payload_ = std::move(payload);
}

std::shared_ptr<void> Context::take_failure_payload() {
  std::lock_guard<std::mutex> lock(failure_mutex_);
  return std::move(failure_payload_);
}

void Context::record_run_failure(Error error) {
  std::lock_guard<std::mutex> lock(failure_mutex_);
  if (has_run_failure_) return;
  has_run_failure_ = true;
  run_failure_ = std::move(error);
}

Result Context::take_run_failure() {
  std::lock_guard<std::mutex> lock(failure_mutex_);
  if (!has_run_failure_) return Result();
  has_run_failure_ = false;
  return std::move(run_failure_);
}

void Context::set_component_source(gxf_uid_t cid, std::string source) {
  std::lock_guard<std::mutex> lock(mutex_);
  component_sources_[cid] = std::move(source);
}

std::string Context::component_source(gxf_uid_t cid) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = component_sources_.find(cid);
  return it == component_sources_.end() ? std::string() : it->second;
}

}  // namespace gxf
}  // namespace nvidia
