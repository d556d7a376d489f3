// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/allocator.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Each tick publishes `factorial`! as a uint8 tensor "factorial" of `digits` decimal digits,
// least significant first. A result that needs more digits fails the tick.
class ArbitraryPrecisionFactorial : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<int32_t> digits_;
  Parameter<uint64_t> factorial_;
  Parameter<Handle<Transmitter>> result_;
  Parameter<Handle<Allocator>> pool_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
