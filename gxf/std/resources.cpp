// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/resources.hpp"

#include <algorithm>

#include "gxf/core/context.hpp"
#include "gxf/std/scheduler.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t ThreadPool::register_interface(Registrar* registrar) {
  registrar->parameter(initial_size_, "initial_size", "Initial size",
                       "Worker threads of the pool not tied to an entity", int64_t{0});
  registrar->parameter(priority_, "priority", "Priority",
                       "Thread priority: 0 low, 1 medium, 2 high (informational)", int64_t{0});
  registrar->range(initial_size_, 0, kMaxWorkerThreads,
                   GXF_ARGUMENT_OUT_OF_RANGE);
  registrar->range(priority_, 0, 2);
  return GXF_SUCCESS;
}

gxf_result_t ThreadPool::initialize() {
  std::lock_guard<std::mutex> lock(mutex_);
  free_slots_ = static_cast<size_t>(initial_size_.get());
  pinned_.clear();
  return GXF_SUCCESS;
}

size_t ThreadPool::add_pinned(gxf_uid_t eid) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = std::find(pinned_.begin(), pinned_.end(), eid);
  if (it == pinned_.end()) it = pinned_.insert(pinned_.end(), eid);
  return free_slots_ + static_cast<size_t>(it - pinned_.begin());
}

size_t ThreadPool::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return free_slots_ + pinned_.size();
}

gxf_result_t GPUDevice::register_interface(Registrar* registrar) {
  registrar->parameter(dev_id_, "dev_id", "Device id", "CUDA device index", int32_t{0});
  registrar->range(dev_id_, 0, INT32_MAX);
  return GXF_SUCCESS;
}

template <typename T>
T* find_entity_resource(const Entity& entity) {
  for (Component* resource : entity.context()->entity_groups().resources_of(entity.eid())) {
    if (auto* typed = dynamic_cast<T*>(resource)) return typed;
  }
  return nullptr;
}

template ThreadPool* find_entity_resource<ThreadPool>(const Entity&);
template GPUDevice* find_entity_resource<GPUDevice>(const Entity&);

}  // namespace gxf
}  // namespace nvidia
