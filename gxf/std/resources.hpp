// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <mutex>
#include <vector>

#include "gxf/core/component.hpp"
#include "gxf/core/entity.hpp"

namespace nvidia {
namespace gxf {

// A component shared with every entity of its entity group (published at activation).
class ResourceBase : public Component {};

// Worker-thread slots for pinned entities. Each slot becomes one scheduler worker: the
// initial_size free slots, plus one slot per entity pinned to the pool (CPUThread).
class ThreadPool : public ResourceBase {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;

  // Reserves the slot of a pinned entity (once per entity); returns its slot index.
  size_t add_pinned(gxf_uid_t eid);
  // Number of slots (free + pinned).
  size_t size() const;
  int64_t priority() const { return priority_.get(); }

 private:
  Parameter<int64_t> initial_size_;
  Parameter<int64_t> priority_;
  mutable std::mutex mutex_;
  size_t free_slots_ = 0;
  std::vector<gxf_uid_t> pinned_;  // slot free_slots_ + i belongs to pinned_[i]
};

// A GPU index shared through entity groups.
class GPUDevice : public ResourceBase {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  int32_t device_id() const { return dev_id_.get(); }

 private:
  Parameter<int32_t> dev_id_;
};

// The first resource of type T in the entity group of `entity`; nullptr if none.
template <typename T>
T* find_entity_resource(const Entity& entity);

}  // namespace gxf
}  // namespace nvidia
