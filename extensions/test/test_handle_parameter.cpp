// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/test_handle_parameter.hpp"

#include "extensions/test/test_assert.hpp"
#include "gxf/core/context.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t TestHandleParameter::register_interface(Registrar* registrar) {
  registrar->parameter(pool_, "pool", "Pool", "An allocator of this entity");
  return GXF_SUCCESS;
}

gxf_result_t TestHandleParameter::initialize() {
  Allocator* pool = entity()->find<Allocator>("pool");
  Allocator* other_pool = entity()->find<Allocator>("other_pool");
  if (!pool || !other_pool || pool == other_pool) {
    assertion_failed("%s: needs two allocators 'pool' and 'other_pool'", describe().c_str());
  }
  if (pool_.get().get() != pool) {
    assertion_failed("%s: 'pool' does not name the allocator 'pool'", describe().c_str());
  }
  ParseContext where{context(), entity(), {}, {}};
  Result set = set_parameter("pool", YamlNode::make_scalar("other_pool"), where);
  if (!set) assertion_failed("%s: %s", describe().c_str(), set.error().what().c_str());
  if (pool_.get().cid() != other_pool->cid()) {
    assertion_failed("%s: 'pool' did not follow the new value", describe().c_str());
  }
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
