// SPDX-License-Identifier: Apache-2.0
#include "gxf/serialization/entity_serializer.hpp"

#include "gxf/core/context.hpp"

namespace nvidia {
namespace gxf {

Expected<EntityRef> EntitySerializer::deserialize_entity(Endpoint* endpoint) {
  EntityRef message = context()->create_message();
  if (!message) return make_error(GXF_OUT_OF_MEMORY, "cannot create a message entity");
  Result result = deserialize_entity(message.get(), endpoint);
  if (!result) return result.error();
  return message;
}

}  // namespace gxf
}  // namespace nvidia
