// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/component.hpp"
#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Checks at initialize() that its `pool` handle names the entity's "pool" allocator, then
// re-points it at "other_pool" through the parameter interface and checks the handle follows.
class TestHandleParameter : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;

 private:
  Parameter<Handle<Allocator>> pool_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
