// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/expected.hpp"

namespace nvidia {
namespace gxf {

std::string Error::what() const {
  std::string text = result_str(code);
  for (auto it = context.rbegin(); it != context.rend(); ++it) {
    text += ": ";
    text += *it;
  }
  if (!message.empty()) {
    text += ": ";
    text += message;
  }
  return text;
}

}  // namespace gxf
}  // namespace nvidia
