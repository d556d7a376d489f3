// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/register_parameter_interface_test.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t RegisterParameterInterfaceTest::register_interface(Registrar* registrar) {
  registrar->parameter(mandatory_no_default_, "mandatory_no_default", "Mandatory, no default");
  registrar->parameter(mandatory_with_default_, "mandatory_with_default",
                       "Mandatory with default", "", int64_t{3});
  registrar->parameter(optional_no_default_, "optional_no_default", "Optional, no default", "",
                       kParameterFlagsOptional);
  registrar->parameter(optional_with_default_, "optional_with_default", "Optional with default",
                       "", uint64_t{5}, kParameterFlagsOptional);
  registrar->parameter(std_string_text_, "std_string_text", "Text", "A std::string",
                       std::string("Default value of std::string text"));
  registrar->parameter(bool_default_, "bool_default", "Bool with default", "", true);
  registrar->parameter(double_default_, "double_default", "Double with default", "", 12345.6789);
  registrar->parameter(complex64_, "complex64", "Complex64 with default", "",
                       std::complex<float>(7.5f, 3.0f));
  registrar->parameter(complex128_, "complex128", "Complex128 with default", "",
                       std::complex<double>(1.234, 5.678));
  registrar->parameter(custom_parameter_, "custom_parameter", "List of strings");
  return GXF_SUCCESS;
}

gxf_result_t RegisterParameterInterfaceTest::initialize() {
  auto optional_no_default = optional_no_default_.try_get();
  auto optional_with_default = optional_with_default_.try_get();
  if (mandatory_no_default_.get() != 1 || mandatory_with_default_.get() != 2 ||
      !optional_no_default || *optional_no_default != 3 || !optional_with_default ||
      *optional_with_default != 4) {
    return fail(GXF_FAILURE, "parameters do not hold the graph's values 1, 2, 3, 4");
  }
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
