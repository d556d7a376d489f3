// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "gxf/core/cache_line.hpp"
#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

class Context;

// A named bag of components. Graph entities live in the program for the context's lifetime;
// message entities are unnamed, reference counted and recycled through the context's pool
// when the last EntityRef drops. Cache-line aligned, like components: message entities made
// by different workers would otherwise share lines, and every reference count change of one
// would miss in the other's core.
class alignas(kCacheLine) Entity {
 public:
  Entity(Context* context, gxf_uid_t eid, std::string name, bool is_message);
  ~Entity();
  Entity(const Entity&) = delete;
  Entity& operator=(const Entity&) = delete;

  gxf_uid_t eid() const { return eid_; }
  const std::string& name() const { return name_; }
  Context* context() const { return context_; }
  bool is_message() const { return is_message_; }

  const std::vector<std::unique_ptr<Component>>& components() const { return components_; }
  template <typename T>
  T* find(const std::string& name = {}) const {
    for (const auto& component : components_) {
      if (!name.empty() && component->name() != name) continue;
      if (auto* typed = dynamic_cast<T*>(component.get())) return typed;
    }
    if (!name.empty()) return dynamic_cast<T*>(find_interface(name));
    return nullptr;
  }
  template <typename T>
  std::vector<T*> find_all() const {
    std::vector<T*> result;
    for (const auto& component : components_) {
      if (auto* typed = dynamic_cast<T*>(component.get())) result.push_back(typed);
    }
    return result;
  }
  Component* find_interface(const std::string& name) const;
  void add_interface(const std::string& name, Component* component);

  void acquire() { ref_count_.fetch_add(1, std::memory_order_relaxed); }
  void release();
  int64_t ref_count() const { return ref_count_.load(std::memory_order_relaxed); }

  // The executor's record of this graph entity while it is activated (an EntityItem), so that
  // a message's notification reaches its scheduler without a lookup by eid; null otherwise.
  void* executor_item = nullptr;

 private:
  friend class Context;
  Context* context_;
  gxf_uid_t eid_;
  std::string name_;
  bool is_message_;
  bool registered_ = false;  // message entity visible through the context's eid lookup
  std::atomic<int64_t> ref_count_{0};
  std::vector<std::unique_ptr<Component>> components_;
  std::vector<std::unique_ptr<Component>> spare_components_;  // pooled messages only
  std::unordered_map<std::string, Component*> interfaces_;
};

// Owning reference to a (message) entity.
class EntityRef {
 public:
  EntityRef() = default;
  explicit EntityRef(Entity* entity) : entity_(entity) {
    if (entity_) entity_->acquire();
  }
  EntityRef(const EntityRef& other) : EntityRef(other.entity_) {}
  EntityRef(EntityRef&& other) noexcept : entity_(other.entity_) { other.entity_ = nullptr; }
  EntityRef& operator=(EntityRef other) noexcept {
    std::swap(entity_, other.entity_);
    return *this;
  }
  ~EntityRef() { reset(); }

  void reset() {
    if (entity_) entity_->release();
    entity_ = nullptr;
  }
  Entity* get() const { return entity_; }
  Entity* operator->() const { return entity_; }
  explicit operator bool() const { return entity_ != nullptr; }
  gxf_uid_t eid() const { return entity_ ? entity_->eid() : kNullUid; }

 private:
  Entity* entity_ = nullptr;
};

}  // namespace gxf
}  // namespace nvidia
