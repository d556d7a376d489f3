// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Holds rank-1 and rank-2 numeric list parameters for the Python get/set API tests; the graph
// only has to load and activate it.
class VectorParameterTest : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;

 private:
  Parameter<std::vector<double>> floats_;
  Parameter<std::vector<int64_t>> int64s_;
  Parameter<std::vector<uint64_t>> uint64s_;
  Parameter<std::vector<int32_t>> int32s_;
  Parameter<std::vector<std::vector<double>>> floats_2d_;
  Parameter<std::vector<std::vector<int64_t>>> int64s_2d_;
  Parameter<std::vector<std::vector<uint64_t>>> uint64s_2d_;
  Parameter<std::vector<std::vector<int32_t>>> int32s_2d_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
