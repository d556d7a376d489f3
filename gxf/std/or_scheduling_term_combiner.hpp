// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/std/scheduling_term.hpp"

namespace nvidia {
namespace gxf {

// OR of its terms (execution.md §3), folded left over the list. The listed terms leave the
// entity's AND set and get no on_execute() after ticks.
class OrSchedulingTermCombiner : public SchedulingTermCombiner {
 public:
  static constexpr size_t kMaxTerms = 1024;

  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  std::vector<SchedulingTerm*> terms() const override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;

 private:
  Parameter<std::vector<Handle<SchedulingTerm>>> terms_;
};

}  // namespace gxf
}  // namespace nvidia
