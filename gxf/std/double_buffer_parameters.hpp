// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/component.hpp"
#include "gxf/std/gems/staging_queue.hpp"

namespace nvidia {
namespace gxf {

// Capacity and overflow policy, shared by both ends of a double-buffered queue.
struct DoubleBufferParameters {
  Parameter<uint64_t> capacity;
  Parameter<uint64_t> policy;

  gxf_result_t register_with(Registrar* registrar, uint64_t default_capacity = 1) {
    registrar->parameter(capacity, "capacity", "Capacity", "Messages each stage can hold",
                         default_capacity);
    registrar->parameter(policy, "policy", "Policy",
                         "Overflow policy: 0 pop oldest, 1 reject newest, 2 fault", uint64_t{2});
    // Storage grows as a stage fills (RingBuffer), so a large bound costs nothing until used;
    // past this one a queue could not hold its messages in memory anyway.
    registrar->range(capacity, 1, kMaxQueueCapacity, GXF_ARGUMENT_OUT_OF_RANGE);
    registrar->range(policy, 0, 2, GXF_ARGUMENT_OUT_OF_RANGE);
    return GXF_SUCCESS;
  }

  static constexpr uint64_t kMaxQueueCapacity = uint64_t(1) << 32;

  // Sizes `queue` (the values were checked at activation).
  template <typename T>
  gxf_result_t configure(const Component& owner, StagingQueue<T>* queue) const {
    queue->reset(capacity.get(), static_cast<OverflowPolicy>(policy.get()));
    return GXF_SUCCESS;
  }
};

}  // namespace gxf
}  // namespace nvidia
