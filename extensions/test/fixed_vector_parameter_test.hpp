// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Checks at initialize() that a 16-item uint8 list (written in hex) holds 0, 1, ..., 15.
class FixedVectorParameterTest : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;

 private:
  static constexpr size_t kSize = 16;
  Parameter<std::vector<uint8_t>> fixed_vector_stack_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
