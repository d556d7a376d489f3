// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/allocator.hpp"
#include "gxf/std/codelet.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Each tick allocates {2, 3, 4} tensors with row-aligned, stepped and dense strides from
// `pool` and fails unless their strides and byte sizes are the expected ones.
class TestTensorStrides : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Allocator>> pool_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
