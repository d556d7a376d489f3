// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstdint>

namespace nvidia {
namespace gxf {

enum class SchedulingConditionType : int {
  kNever = 0,
  kReady = 1,
  kWait = 2,
  kWaitTime = 3,
  kWaitEvent = 4,
};

struct SchedulingCondition {
  SchedulingConditionType type = SchedulingConditionType::kReady;
  int64_t target_timestamp = 0;
};

// AND of two conditions: NEVER > WAIT_EVENT > WAIT > WAIT_TIME > READY; equal kinds keep the
// later target.
inline SchedulingCondition and_combine(SchedulingCondition a, SchedulingCondition b) {
  auto rank = [](SchedulingConditionType type) {
    switch (type) {
      case SchedulingConditionType::kNever: return 4;
      case SchedulingConditionType::kWaitEvent: return 3;
      case SchedulingConditionType::kWait: return 2;
      case SchedulingConditionType::kWaitTime: return 1;
      case SchedulingConditionType::kReady: return 0;
    }
    return 0;
  };
  if (rank(a.type) != rank(b.type)) return rank(a.type) > rank(b.type) ? a : b;
  return {a.type, std::max(a.target_timestamp, b.target_timestamp)};
}

// OR of two conditions (OrSchedulingTermCombiner).
inline SchedulingCondition or_combine(SchedulingCondition a, SchedulingCondition b) {
  using T = SchedulingConditionType;
  if (a.type == T::kNever || b.type == T::kNever) return {T::kNever, 0};
  if (a.type == T::kReady && b.type == T::kReady) {
    return {T::kReady, std::max(a.target_timestamp, b.target_timestamp)};
  }
  if (a.type == T::kReady) return a;
  if (b.type == T::kReady) return b;
  if (a.type == T::kWaitEvent || b.type == T::kWaitEvent) return {T::kWaitEvent, 0};
  if (a.type == T::kWaitTime && b.type == T::kWaitTime) {
    return {T::kWaitTime, std::max(a.target_timestamp, b.target_timestamp)};
  }
  if (a.type == T::kWaitTime) return a;
  if (b.type == T::kWaitTime) return b;
  return {T::kWait, 0};
}

}  // namespace gxf
}  // namespace nvidia
