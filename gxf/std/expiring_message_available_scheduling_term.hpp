// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/clock.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/scheduling_term.hpp"

namespace nvidia {
namespace gxf {

// Batches messages: READY once the receiver holds max_batch_size messages, or once its oldest
// message (by the acqtime of its first Timestamp) is max_delay_ns old; WAIT_TIME until then.
class ExpiringMessageAvailableSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;

 private:
  Parameter<int64_t> max_batch_size_;
  Parameter<int64_t> max_delay_ns_;
  Parameter<Handle<Receiver>> receiver_;
  Parameter<Handle<Clock>> clock_;
};

}  // namespace gxf
}  // namespace nvidia
