// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/test_logger.hpp"

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t TestLogger::tick() {
  GXF_LOG_ERROR("This is test error message");
  GXF_LOG_WARNING("This is a test warning message");
  GXF_LOG_INFO("This is a test info message");
  GXF_LOG_DEBUG("This is a test debug message");
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
