// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/multi_thread_scheduler.hpp"

#include <cmath>

namespace nvidia {
namespace gxf {

gxf_result_t MultiThreadScheduler::register_interface(Registrar* registrar) {
  register_common_parameters(registrar);
  registrar->parameter(check_recession_period_ms_, "check_recession_period_ms",
                       "Recession period [ms]",
                       "How long a waiting entity sleeps before it is checked again", 5.0);
  registrar->parameter(strict_job_thread_pinning_, "strict_job_thread_pinning",
                       "Strict job-thread pinning",
                       "ThreadPool threads run only their pinned entities", false);
  registrar->range(check_recession_period_ms_, 0.0, static_cast<double>(kMaxDurationMs),
                   GXF_ARGUMENT_OUT_OF_RANGE);
  return GXF_SUCCESS;
}

bool MultiThreadScheduler::polls_waiting(int64_t* period_ns) const {
  *period_ns = static_cast<int64_t>(check_recession_period_ms_.get() * 1e6);
  return true;
}

double MultiThreadScheduler::deadlock_grace_ms() const {
  // An entity may be ready but not yet re-checked for one recession period. Idleness must
  // last longer than the sum in whole milliseconds (GXF compares floored milliseconds).
  double grace = static_cast<double>(limits_.stop_on_deadlock_timeout.get()) +
                 check_recession_period_ms_.get();
  return grace < 0 ? grace : std::floor(grace) + 1.0;
}

}  // namespace gxf
}  // namespace nvidia
