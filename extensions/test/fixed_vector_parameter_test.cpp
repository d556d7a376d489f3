// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/fixed_vector_parameter_test.hpp"

#include "extensions/test/test_assert.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t FixedVectorParameterTest::register_interface(Registrar* registrar) {
  registrar->parameter(fixed_vector_stack_, "fixed_vector_stack", "Fixed vector",
                       "16 bytes, 0 to 15");
  return GXF_SUCCESS;
}

gxf_result_t FixedVectorParameterTest::initialize() {
  const auto& values = fixed_vector_stack_.get();
  if (values.size() != kSize) {
    assertion_failed("%s: %zu values, expected %zu", describe().c_str(), values.size(), kSize);
  }
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] != i) assertion_failed("%s: value %zu is %u", describe().c_str(), i, values[i]);
  }
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
