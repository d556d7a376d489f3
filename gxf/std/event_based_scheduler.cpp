// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/event_based_scheduler.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t EventBasedScheduler::register_interface(Registrar* registrar) {
  register_common_parameters(registrar);
  return GXF_SUCCESS;
}

double EventBasedScheduler::deadlock_grace_ms() const {
  return static_cast<double>(limits_.stop_on_deadlock_timeout.get());
}

}  // namespace gxf
}  // namespace nvidia
