// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/vector_parameter_test.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t VectorParameterTest::register_interface(Registrar* registrar) {
  registrar->parameter(floats_, "five_64_bit_floats", "Five doubles");
  registrar->parameter(int64s_, "five_64_bit_ints", "Five int64");
  registrar->parameter(uint64s_, "five_64_bit_unsigned_ints", "Five uint64");
  registrar->parameter(int32s_, "five_32_bit_ints", "Five int32");
  registrar->parameter(floats_2d_, "six_64_bit_float_2d", "2x3 doubles");
  registrar->parameter(int64s_2d_, "six_64_bit_int_2d", "2x3 int64");
  registrar->parameter(uint64s_2d_, "six_64_bit_uint_2d", "2x3 uint64");
  registrar->parameter(int32s_2d_, "six_32_bit_int_2d", "2x3 int32");
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
