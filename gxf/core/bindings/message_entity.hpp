// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "gxf/core/bindings/context_handle.hpp"
#include "gxf/core/bindings/errors.hpp"
#include "gxf/core/entity.hpp"

namespace nvidia {
namespace gxf {

// Python's view of a message entity: holds a reference, so the message lives while Python
// does. An empty receive yields a falsy MessageEntity with eid() == 0.
struct PyMessageEntity {
  EntityRef ref;
};

// Entity of a MessageEntity argument (raises on an empty one). Inline: every extension's
// binding module uses it.
inline Entity* message_of(const PyMessageEntity& message) {
  if (!message.ref) throw GxfException{Error(GXF_ARGUMENT_NULL, "the message entity is empty")};
  return message.ref.get();
}

// Component named `name` (or "entity/name") seen from component `cid`, of type T.
template <typename T>
T* lookup_component(uint64_t context_handle, int64_t cid, const std::string& name,
                    const char* type_name) {
  Context* context = context_from_handle(context_handle);
  Component* origin = context->component(cid);
  if (!origin) {
    throw GxfException{Error(GXF_PARAMETER_NOT_INITIALIZED, "no component with cid " + std::to_string(cid))};
  }
  Entity* entity = origin->entity();
  std::string component_name = name;
  size_t slash = name.find('/');
  if (slash != std::string::npos) {
    entity = context->find_entity(name.substr(0, slash));
    component_name = name.substr(slash + 1);
    if (!entity) {
      throw GxfException{Error(GXF_PARAMETER_NOT_INITIALIZED,
                               "no entity named '" + name.substr(0, slash) + "'")};
    }
  }
  if (T* found = entity->find<T>(component_name)) return found;
  throw GxfException{Error(GXF_PARAMETER_NOT_INITIALIZED,
                           "no " + std::string(type_name) + " named '" + component_name +
                               "' in entity '" + entity->name() + "'")};
}

}  // namespace gxf
}  // namespace nvidia
