// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/transmitter.hpp"

#include <algorithm>

#include "gxf/core/context.hpp"
#include "gxf/std/timestamp.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t Transmitter::publish(const EntityRef& message, int64_t acq_timestamp) {
  if (!message) return GXF_ARGUMENT_NULL;
  Timestamp* timestamp = message->find<Timestamp>("timestamp");
  if (!timestamp) {
    timestamp = context()->add_message_component<Timestamp>(message.get(), "timestamp");
    if (!timestamp) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
  }
  timestamp->acqtime = acq_timestamp;
  timestamp->pubtime = 0;
  return publish(message);
}

size_t Transmitter::room() const {
  int64_t room = free_places();
  for (const Receiver* receiver : targets_) room = std::min(room, receiver->free_places());
  return room > 0 ? static_cast<size_t>(room) : 0;
}

}  // namespace gxf
}  // namespace nvidia
