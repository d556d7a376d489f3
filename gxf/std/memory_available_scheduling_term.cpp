// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/memory_available_scheduling_term.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t MemoryAvailableSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(allocator_, "allocator", "Allocator", "The allocator to wait on");
  registrar->parameter(min_bytes_, "min_bytes", "Minimum bytes",
                       "Bytes that must be available (exclusive with min_blocks)",
                       kParameterFlagsOptional);
  registrar->parameter(min_blocks_, "min_blocks", "Minimum blocks",
                       "Blocks that must be available (exclusive with min_bytes)",
                       kParameterFlagsOptional);
  return GXF_SUCCESS;
}

gxf_result_t MemoryAvailableSchedulingTerm::initialize() {
  if (min_bytes_.is_set() == min_blocks_.is_set()) {
    return fail(GXF_ARGUMENT_INVALID, "set exactly one of 'min_bytes' and 'min_blocks'");
  }
  return GXF_SUCCESS;
}

gxf_result_t MemoryAvailableSchedulingTerm::check(int64_t now, SchedulingCondition* condition) {
  Allocator* allocator = allocator_.get().get();
  uint64_t bytes = min_bytes_.is_set() ? min_bytes_.get()
                                       : min_blocks_.get() * allocator->block_size();
  *condition = allocator->is_available(bytes)
                   ? SchedulingCondition{SchedulingConditionType::kReady, now}
                   : SchedulingCondition{SchedulingConditionType::kWait, 0};
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
