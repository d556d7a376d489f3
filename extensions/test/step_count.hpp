// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "extensions/test/step_counter.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Passes deinitialize() only when the entity ticked exactly `expected_count` times (and was
// started `expected_start_count` times and stopped as often).
class StepCount : public StepCounter {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;

 protected:
  bool check_tick_count(uint64_t ticks) const override;

 private:
  Parameter<uint64_t> expected_count_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
