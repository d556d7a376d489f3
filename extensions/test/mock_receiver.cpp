// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/mock_receiver.hpp"


namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t MockReceiver::register_interface(Registrar* registrar) {
  end_.register_with(registrar, "ignore_unreceived_entities", "Ignore unreceived entities");
  registrar->parameter(fail_on_receive_, "fail_on_receive", "Fail on receive",
                       "Every receive finds nothing", false);
  return GXF_SUCCESS;
}

gxf_result_t MockReceiver::initialize() {
  end_.reset();
  return GXF_SUCCESS;
}

gxf_result_t MockReceiver::deinitialize() {
  return end_.finish(*this, "Received", "Unreceived");
}

EntityRef MockReceiver::receive() {
  EntityRef message;
  if (fail_on_receive_.get() || !end_.queue.pop(&message)) return EntityRef();
  ++end_.transferred;
  return message;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
