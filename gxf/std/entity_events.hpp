// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/component.hpp"
#include "gxf/core/context.hpp"
#include "gxf/core/runtime.hpp"

namespace nvidia {
namespace gxf {

// Tells the running scheduler that something about `component`'s entity changed. Outside a
// run there is nobody to wake, so the runtime's refusal is not an error here.
inline void notify_entity_event(const Component* component, EventType event) {
  if (Runtime* runtime = component->context()->runtime()) {
    Result ignored = runtime->notify(component->eid(), event);
    (void)ignored;
  }
}

}  // namespace gxf
}  // namespace nvidia
