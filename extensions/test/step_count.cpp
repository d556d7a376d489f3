// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/step_count.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t StepCount::register_interface(Registrar* registrar) {
  StepCounter::register_interface(registrar);
  registrar->parameter(expected_count_, "expected_count", "Expected count",
                       "How often the codelet must have ticked", uint64_t{0});
  return GXF_SUCCESS;
}

bool StepCount::check_tick_count(uint64_t ticks) const {
  if (ticks == expected_count_.get()) return true;
  fail(GXF_FAILURE, "tick count [%lu] does not match expected tick count [%lu]",
       static_cast<unsigned long>(ticks), static_cast<unsigned long>(expected_count_.get()));
  return false;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
