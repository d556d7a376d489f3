// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/allocator.hpp"
#include "gxf/std/scheduling_term.hpp"

namespace nvidia {
namespace gxf {

// READY while the allocator can hand out min_bytes (or min_blocks blocks); else WAIT.
// Exactly one of min_bytes and min_blocks must be set.
class MemoryAvailableSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;

 private:
  Parameter<Handle<Allocator>> allocator_;
  Parameter<uint64_t> min_bytes_;
  Parameter<uint64_t> min_blocks_;
};

}  // namespace gxf
}  // namespace nvidia
