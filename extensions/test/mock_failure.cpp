// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/mock_failure.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t MockFailure::register_interface(Registrar* registrar) {
  registrar->parameter(num_max_ticks_, "num_max_ticks", "Max ticks",
                       "Successful ticks before every tick fails");
  return GXF_SUCCESS;
}

gxf_result_t MockFailure::tick() {
  if (ticks_ >= num_max_ticks_.get()) {
    return fail(GXF_FAILURE, "failing as asked after %d tick(s)", ticks_);
  }
  ++ticks_;
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
