// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/codelet.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Logs one message at each of the error, warning, info and debug levels on every tick, to test
// severity filtering and log files.
class TestLogger : public Codelet {
 public:
  gxf_result_t tick() override;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
