// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/periodic_scheduling_term_with_delay.hpp"

#include <cstdlib>

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t PeriodicSchedulingTermWithDelay::check(int64_t now, SchedulingCondition* condition) {
  int64_t last_run = 0;
  if (!last_run_timestamp(&last_run)) {
    *condition = {SchedulingConditionType::kReady, now};
    return GXF_SUCCESS;
  }
  auto seed = static_cast<unsigned int>(now);
  const int64_t target = last_run + recess_period_ns() + rand_r(&seed) % 100;
  const int64_t early = rand_r(&seed) % 10;
  *condition = {now - early > target ? SchedulingConditionType::kReady
                                     : SchedulingConditionType::kWaitTime,
                target};
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
