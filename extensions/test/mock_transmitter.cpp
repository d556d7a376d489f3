// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/mock_transmitter.hpp"


namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t MockTransmitter::register_interface(Registrar* registrar) {
  end_.register_with(registrar, "ignore_unpublished_entities", "Ignore unpublished entities");
  registrar->parameter(fail_on_publish_, "fail_on_publish", "Fail on publish",
                       "Every publish fails with GXF_FAILURE", false);
  return GXF_SUCCESS;
}

gxf_result_t MockTransmitter::initialize() {
  end_.reset();
  return GXF_SUCCESS;
}

gxf_result_t MockTransmitter::deinitialize() {
  return end_.finish(*this, "Published", "Unpublished");
}

gxf_result_t MockTransmitter::publish(const EntityRef& message) {
  if (fail_on_publish_.get()) {
    return fail(GXF_FAILURE, "failing publish() as asked (fail_on_publish)");
  }
  gxf_result_t code = end_.queue.push(message);
  if (code == GXF_SUCCESS) ++end_.transferred;
  return code;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
