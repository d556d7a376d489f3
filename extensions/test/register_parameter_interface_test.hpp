// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <complex>
#include <string>
#include <vector>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Registers parameters in every combination of mandatory/optional and with/without default,
// and checks at initialize() that graph values win over defaults (1, 2, 3, 4).
class RegisterParameterInterfaceTest : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;

 private:
  Parameter<int64_t> mandatory_no_default_;
  Parameter<int64_t> mandatory_with_default_;
  Parameter<int64_t> optional_no_default_;
  Parameter<uint64_t> optional_with_default_;
  Parameter<std::string> std_string_text_;
  Parameter<bool> bool_default_;
  Parameter<double> double_default_;
  Parameter<std::complex<float>> complex64_;
  Parameter<std::complex<double>> complex128_;
  Parameter<std::vector<std::string>> custom_parameter_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
