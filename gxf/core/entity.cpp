// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/entity.hpp"

#include "gxf/core/context.hpp"

namespace nvidia {
namespace gxf {

Entity::Entity(Context* context, gxf_uid_t eid, std::string name, bool is_message)
    : context_(context), eid_(eid), name_(std::move(name)), is_message_(is_message) {}

Entity::~Entity() {
  // Reverse creation order: later components may refer to earlier ones.
  while (!components_.empty()) components_.pop_back();
}

Component* Entity::find_interface(const std::string& name) const {
  auto it = interfaces_.find(name);
  return it == interfaces_.end() ? nullptr : it->second;
}

void Entity::add_interface(const std::string& name, Component* component) {
  interfaces_[name] = component;
}

void Entity::release() {
  if (ref_count_.fetch_sub(1, std::memory_order_acq_rel) == 1 && is_message_) {
    context_->recycle(this);
  }
}

}  // namespace gxf
}  // namespace nvidia
