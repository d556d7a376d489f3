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
};

}  // namespace gxf
}  // namespace nvidia
