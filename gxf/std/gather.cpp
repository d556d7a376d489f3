// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/gather.hpp"

#include "gxf/core/entity.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t Gather::register_interface(Registrar* registrar) {
  registrar->parameter(sink_, "sink", "Sink", "Transmitter to publish gathered messages on");
  registrar->parameter(sources_, "sources", "Sources",
                       "Ignored: all receivers of the entity are gathered",
                       kParameterFlagsOptional);
  registrar->parameter(tick_source_limit_, "tick_source_limit", "Tick source limit",
                       "Messages taken per receiver and tick (0 = all)", int64_t{0});
  registrar->range(tick_source_limit_, 0, INT64_MAX);
  return GXF_SUCCESS;
}

gxf_result_t Gather::start() {
  receivers_ = entity()->find_all<Receiver>();
  return GXF_SUCCESS;
}

gxf_result_t Gather::tick() {
  const int64_t limit = tick_source_limit_.get();
  for (Receiver* receiver : receivers_) {
    for (int64_t taken = 0; limit <= 0 || taken < limit; ++taken) {
      EntityRef message = receiver->receive();
      if (!message) break;
      gxf_result_t code = sink_->publish(message);
      if (code != GXF_SUCCESS) return code;
    }
  }
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
