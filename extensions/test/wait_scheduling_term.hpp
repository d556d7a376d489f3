// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/scheduling_term.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Always WAIT: its entity is started but never ticks.
class WaitSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override {
    *condition = {SchedulingConditionType::kWait, now};
    return GXF_SUCCESS;
  }
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
