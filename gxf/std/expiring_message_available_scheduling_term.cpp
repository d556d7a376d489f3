// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/expiring_message_available_scheduling_term.hpp"

#include "gxf/std/timestamp.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t ExpiringMessageAvailableSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(max_batch_size_, "max_batch_size", "Maximum batch size",
                       "Messages that make a full batch");
  registrar->parameter(max_delay_ns_, "max_delay_ns", "Maximum delay [ns]",
                       "Age of the oldest message after which a partial batch is taken");
  registrar->range(max_batch_size_, 1, INT64_MAX);
  registrar->range(max_delay_ns_, 0, kMaxTimeOffsetNs);
  registrar->parameter(receiver_, "receiver", "Receiver", "Queue to watch");
  registrar->parameter(clock_, "clock", "Clock", "Clock the message timestamps refer to");
  return GXF_SUCCESS;
}

gxf_result_t ExpiringMessageAvailableSchedulingTerm::check(int64_t now,
                                                           SchedulingCondition* condition) {
  Receiver* receiver = receiver_.get().get();
  const size_t main_size = receiver->size();
  const int64_t total = static_cast<int64_t>(main_size + receiver->back_size());
  if (total <= 0) {
    *condition = {SchedulingConditionType::kWait, 0};
    return GXF_SUCCESS;
  }
  if (total >= max_batch_size_.get()) {
    *condition = {SchedulingConditionType::kReady, now};
    return GXF_SUCCESS;
  }
  // The oldest message waits in the main stage, or in the back stage when the main is empty.
  EntityRef oldest = main_size > 0 ? receiver->peek(0) : receiver->peek_back(0);
  if (!oldest) {
    *condition = {SchedulingConditionType::kWait, 0};
    return GXF_SUCCESS;
  }
  Timestamp* timestamp = oldest->find<Timestamp>();
  if (!timestamp) {
    return fail(GXF_FAILURE, "message carries no Timestamp");
  }
  const int64_t expiry = timestamp->acqtime + max_delay_ns_.get();
  *condition = {expiry <= now ? SchedulingConditionType::kReady
                              : SchedulingConditionType::kWaitTime,
                expiry};
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
