// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "extensions/test/step_counter.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Like StepCount, for runs whose tick count may vary: the count must lie within
// [expected_count_range_start, expected_count_range_end].
class StepRangeCount : public StepCounter {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;

 protected:
  bool check_tick_count(uint64_t ticks) const override;

 private:
  Parameter<uint64_t> range_start_;
  Parameter<uint64_t> range_end_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
