// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// A CPU-bound stage: each tick busy-spins `spin_us` microseconds of wall time (no sleep, no
// system call but the clock reads), then forwards the message of `in` to `out`. For
// measuring how schedulers scale when ticks cost real CPU time.
class SpinForward : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> in_;
  Parameter<Handle<Transmitter>> out_;
  Parameter<double> spin_us_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
