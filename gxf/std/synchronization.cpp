// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/synchronization.hpp"

#include <algorithm>

#include "gxf/std/clock.hpp"
#include "gxf/std/timestamp.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t Synchronization::register_interface(Registrar* registrar) {
  registrar->parameter(inputs_, "inputs", "Inputs", "Receivers of the streams to align");
  registrar->parameter(outputs_, "outputs", "Outputs", "Transmitter per input, same order");
  registrar->parameter(sync_threshold_, "sync_threshold", "Sync threshold [ns]",
                       "Largest acquisition-time difference counted as simultaneous", int64_t{0});
  registrar->range(sync_threshold_, 0, kMaxTimeOffsetNs);
  return GXF_SUCCESS;
}

gxf_result_t Synchronization::start() {
  if (inputs_.get().size() != outputs_.get().size() || inputs_.get().size() < 2) {
    return fail(GXF_ARGUMENT_INVALID,
                "needs at least 2 inputs and one output per input (%zu inputs, %zu outputs)",
                inputs_.get().size(), outputs_.get().size());
  }
  return GXF_SUCCESS;
}

gxf_result_t Synchronization::read_acquisition_times(
    std::vector<std::vector<int64_t>>* times) const {
  for (const auto& receiver : inputs_.get()) {
    std::vector<int64_t>& queue_times = times->emplace_back();
    for (size_t index = 0; index < receiver->size(); ++index) {
      EntityRef message = receiver->peek(index);
      Timestamp* timestamp = message ? message->find<Timestamp>() : nullptr;
      if (!timestamp) {
        return fail(GXF_ENTITY_COMPONENT_NOT_FOUND, "a message on '%s' has no Timestamp",
                    receiver->name().c_str());
      }
      queue_times.push_back(timestamp->acqtime);
    }
  }
  return GXF_SUCCESS;
}

bool Synchronization::all_inputs_in_window(const std::vector<std::vector<int64_t>>& times,
                                           int64_t latest) const {
  const int64_t threshold = sync_threshold_.get();
  int64_t lower = latest;
  int64_t upper = latest;
  for (const auto& queue_times : times) {
    // Search newest first: the window narrows around the messages already chosen.
    auto match = std::find_if(queue_times.rbegin(), queue_times.rend(), [&](int64_t time) {
      return time <= lower + threshold && time >= upper - threshold;
    });
    if (match == queue_times.rend()) return false;
    lower = std::min(lower, *match);
    upper = std::max(upper, *match);
  }
  return true;
}

gxf_result_t Synchronization::tick() {
  for (const auto& receiver : inputs_.get()) {
    if (receiver->size() == 0) {
      return fail(GXF_CONTRACT_MESSAGE_NOT_AVAILABLE, "input '%s' has no message to synchronise",
                  receiver->name().c_str());
    }
  }
  std::vector<std::vector<int64_t>> times;
  gxf_result_t code = read_acquisition_times(&times);
  if (code != GXF_SUCCESS) return code;

  int64_t latest = 0;  // the newest of the front (oldest) messages
  for (const auto& queue_times : times) latest = std::max(latest, queue_times.front());
  const int64_t threshold = sync_threshold_.get();
  const bool can_send = all_inputs_in_window(times, latest);

  for (size_t i = 0; i < times.size(); ++i) {
    for (int64_t time : times[i]) {
      if (time < latest - threshold) {
        inputs_.get()[i]->receive();  // stale: will never match
      } else if (can_send && time <= latest + threshold) {
        EntityRef message = inputs_.get()[i]->receive();
        if (!message) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
        code = outputs_.get()[i]->publish(message);
        if (code != GXF_SUCCESS) return code;
        break;  // one message per output and tick
      }
    }
  }
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
