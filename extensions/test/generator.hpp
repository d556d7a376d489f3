// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/allocator.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Each tick publishes two messages: on `integers` int32 tensors "positive" (0..23) and
// "negative" (0..-23) of shape {2, 3, 4}; on `fibonacci` a float tensor "fibonacci" holding
// the first 8 Fibonacci numbers. Memory comes from `pool` (host).
class Generator : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  gxf_result_t publish_integers();
  gxf_result_t publish_fibonacci();

  Parameter<Handle<Transmitter>> integers_;
  Parameter<Handle<Transmitter>> fibonacci_;
  Parameter<Handle<Allocator>> pool_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
