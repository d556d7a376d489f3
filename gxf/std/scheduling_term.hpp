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
  // True when every change that can lift a WAIT verdict comes with an entity event (a message
  // arriving or leaving, a notified state change): a polling scheduler may then park the
  // entity until an event instead of checking it again and again. False (the safe default)
  // for terms that read state nobody announces (a Python term, free memory).
  virtual bool signals_changes() const { return false; }
};

// Combines a list of terms by its own rule; the listed terms leave the entity's AND set.
class SchedulingTermCombiner : public Component {
 public:
  virtual std::vector<SchedulingTerm*> terms() const = 0;
  virtual gxf_result_t check(int64_t now, SchedulingCondition* condition) = 0;
  // As SchedulingTerm::signals_changes(): true when all its terms signal their changes.
  virtual bool signals_changes() const {
    for (SchedulingTerm* term : terms()) {
      if (!term->signals_changes()) return false;
    }
    return true;
  }
};

}  // namespace gxf
}  // namespace nvidia
