// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

// Takes one message from each receiver and fails unless their first tensors (host float
// tensors of different names) hold the same shape, types and values (within FLT_EPSILON).
class VerifyEqual : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> rx0_;
  Parameter<Handle<Receiver>> rx1_;
};

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
