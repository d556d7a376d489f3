// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/std/clock.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/scheduling_terms.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Publishes a message every `delay` ns of the execution clock through publish(msg, acqtime),
// so the router-side timestamp rules can be checked by TestTimestampRx.
class TestTimestampTx : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

 private:
  Parameter<int64_t> delay_;
  Parameter<Handle<Clock>> execution_clock_;
  Parameter<Handle<Clock>> offset_clock_;
  Parameter<Handle<Transmitter>> signal_;
  Parameter<Handle<TargetTimeSchedulingTerm>> scheduling_term_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
