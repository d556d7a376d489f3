// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/allocator.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Each tick computes sin(0) + ... + sin(count - 1) (a CPU load) and publishes it as the float
// tensor "sum" of shape {1}.
class IntegerSinSum : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<uint64_t> count_;
  Parameter<Handle<Transmitter>> result_;
  Parameter<Handle<Allocator>> pool_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
