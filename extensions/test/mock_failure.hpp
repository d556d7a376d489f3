// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/std/codelet.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Ticks successfully `num_max_ticks` times, then every further tick fails (GXF_FAILURE), so a
// graph holding it fails at a known point.
class MockFailure : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<int32_t> num_max_ticks_;
  int32_t ticks_ = 0;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
