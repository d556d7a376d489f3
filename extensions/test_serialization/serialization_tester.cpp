// SPDX-License-Identifier: Apache-2.0
#include "extensions/test_serialization/serialization_tester.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t SerializationTester::register_interface(Registrar* registrar) {
  registrar->parameter(input_, "input", "Input", "Messages to serialize");
  registrar->parameter(output_, "output", "Output", "The deserialized copies");
  registrar->parameter(entity_serializer_, "entity_serializer", "Entity serializer",
                       "Serializer of the round trip");
  registrar->parameter(serialization_buffer_, "serialization_buffer", "Serialization buffer",
                       "Buffer the bytes go through");
  return GXF_SUCCESS;
}

gxf_result_t SerializationTester::tick() {
  EntityRef message = input_.get()->receive();
  if (!message) return fail(GXF_CONTRACT_MESSAGE_NOT_AVAILABLE, "no message to serialize");
  SerializationBuffer* buffer = serialization_buffer_.get().get();
  buffer->reset();
  auto size = entity_serializer_.get()->serialize_entity(*message.get(), buffer);
  if (!size) return fail_with(*this, size.error());
  auto copy = entity_serializer_.get()->deserialize_entity(buffer);
  if (!copy) return fail_with(*this, copy.error());
  return output_.get()->publish(copy.value());
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
