// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/result.hpp"
#include "gxf/std/scheduling_condition.hpp"

namespace nvidia {
namespace gxf {

class EntityItem;

// Told about every entity execution (JobStatistics, monitors). Called on the executing
// thread; implementations synchronise themselves.
class ExecutionObserver {
 public:
  virtual ~ExecutionObserver() = default;
  // A tick ran from begin_ns to end_ns (observer's clock); `target` is the condition's target.
  virtual void on_tick(const EntityItem& item, int64_t begin_ns, int64_t end_ns,
                       int64_t target) = 0;
  virtual void on_execute(const EntityItem& item, int64_t now, gxf_result_t code) {}
  virtual int64_t now_ns() const = 0;
};

}  // namespace gxf
}  // namespace nvidia
