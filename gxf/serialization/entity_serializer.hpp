// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/component.hpp"
#include "gxf/core/entity.hpp"
#include "gxf/core/expected.hpp"
#include "gxf/serialization/endpoint.hpp"

namespace nvidia {
namespace gxf {

// Turns a message entity into bytes on an endpoint and back.
class EntitySerializer : public Component {
 public:
  // Writes `message`; returns the bytes written.
  virtual Expected<size_t> serialize_entity(const Entity& message, Endpoint* endpoint) = 0;
  // Reads one entity into `message` (adding its components).
  virtual Result deserialize_entity(Entity* message, Endpoint* endpoint) = 0;
  // Reads one entity into a new message.
  Expected<EntityRef> deserialize_entity(Endpoint* endpoint);
};

}  // namespace gxf
}  // namespace nvidia
