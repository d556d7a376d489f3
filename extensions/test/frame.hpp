// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Message component MockCodelet passes along a pipeline to measure latency.
class Frame : public Component {
 public:
  int64_t frame_id = 0;
  int64_t create_time = 0;
  int64_t first_process_time = -1;
  int64_t process_duration = 0;
  int64_t num_processed = 0;
  bool end = false;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
