// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

// Message component: when the payload was acquired and published, in nanoseconds.
class Timestamp : public Component {
 public:
  int64_t pubtime = 0;
  int64_t acqtime = 0;
  bool reset_for_reuse() override {
    pubtime = 0;
    acqtime = 0;
    return true;
  }
};

}  // namespace gxf
}  // namespace nvidia
