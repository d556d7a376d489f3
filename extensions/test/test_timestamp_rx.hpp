// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Receives one message per tick and checks that its Timestamp moved on by exactly `delay` from
// the previous message's (acqtime and pubtime). The check starts once a message with a non-zero
// pubtime was seen, so it is trivially true while pubtime stays 0.
class TestTimestampRx : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> signal_;
  Parameter<int64_t> delay_;
  int64_t last_pubtime_ = 0;
  int64_t last_acqtime_ = 0;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
