// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/core/component.hpp"
#include "gxf/std/scheduling_condition.hpp"

namespace nvidia {
namespace gxf {

// Decides when its entity may tick. update_state(now) refreshes lazily held state, check(now)
// reports the condition without side effects, on_execute(now) runs after every tick.
class SchedulingTerm : public Component {
 public:
  virtual gxf_result_t update_state(int64_t now) { return GXF_SUCCESS; }
  virtual gxf_result_t check(int64_t now, SchedulingCondition* condition) = 0;
  virtual gxf_result_t on_execute(int64_t now) { return GXF_SUCCESS; }
};

// Combines a list of terms by its own rule; the listed terms leave the entity's AND set.
class SchedulingTermCombiner : public Component {
 public:
  virtual std::vector<SchedulingTerm*> terms() const = 0;
  virtual gxf_result_t check(int64_t now, SchedulingCondition* condition) = 0;
};

}  // namespace gxf
}  // namespace nvidia
