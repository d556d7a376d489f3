// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Tries to receive on every tick (an empty queue is fine) and counts what arrived; stop()
// fails unless exactly `expected_counter` messages came.
class PingPollRx : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;
  gxf_result_t stop() override;

 private:
  Parameter<Handle<Receiver>> signal_;
  Parameter<uint64_t> expected_counter_;
  uint64_t counter_ = 0;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
