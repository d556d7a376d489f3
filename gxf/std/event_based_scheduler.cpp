// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/event_based_scheduler.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t EventBasedScheduler::register_interface(Registrar* registrar) {
  register_common_parameters(registrar);
  return GXF_SUCCESS;
}

bool EventBasedScheduler::is_idle(const Counters& counters) const {
  return counters.queued == 0 && counters.running == 0 && counters.wait_event == 0;
}

double EventBasedScheduler::deadlock_grace_ms() const {
  return static_cast<double>(stop_on_deadlock_timeout_.get());
}

}  // namespace gxf
}  // namespace nvidia
