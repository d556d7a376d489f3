// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Checks at initialize() that scalar parameters and a nested YAML block given to a string
// parameter arrive as GXF passes them (the block re-serialised in block style). A mismatch
// is a test assertion: the process ends.
class LoadParameterFromYamlTest : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;

 private:
  Parameter<bool> fact_;
  Parameter<bool> rumor_;
  Parameter<int32_t> forty_two_;
  Parameter<int32_t> minus_one_;
  Parameter<std::string> some_text_;
  Parameter<std::string> more_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
