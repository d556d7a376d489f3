// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/step_range_count.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t StepRangeCount::register_interface(Registrar* registrar) {
  StepCounter::register_interface(registrar);
  registrar->parameter(range_start_, "expected_count_range_start", "Expected count range start",
                       "Fewest ticks allowed", uint64_t{0});
  registrar->parameter(range_end_, "expected_count_range_end", "Expected count range end",
                       "Most ticks allowed", uint64_t{0});
  return GXF_SUCCESS;
}

bool StepRangeCount::check_tick_count(uint64_t ticks) const {
  if (ticks >= range_start_.get() && ticks <= range_end_.get()) return true;
  fail(GXF_FAILURE, "tick count [%lu] is outside the expected range [%lu, %lu]",
       static_cast<unsigned long>(ticks), static_cast<unsigned long>(range_start_.get()),
       static_cast<unsigned long>(range_end_.get()));
  return false;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
