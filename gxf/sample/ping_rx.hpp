// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {

// Receives one message per tick; an empty queue is a contract failure.
class PingRx : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> signal_;
  int64_t count_ = 0;
};

// Logs a greeting on every tick.
class HelloWorld : public Codelet {
 public:
  gxf_result_t tick() override;
};

}  // namespace gxf
}  // namespace nvidia
