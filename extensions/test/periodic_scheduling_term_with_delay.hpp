// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/scheduling_terms.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// A periodic term with jitter: each target is the last run + period + up to 99 ns, and the
// term may fire up to 9 ns early. The jitter is pseudo-random, seeded by the check time, so a
// run is reproducible for a given clock.
class PeriodicSchedulingTermWithDelay : public PeriodicSchedulingTerm {
 public:
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
