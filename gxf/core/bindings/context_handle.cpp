// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/bindings/context_handle.hpp"

#include "gxf/core/bindings/errors.hpp"
#include "gxf/core/live_contexts.hpp"

namespace nvidia {
namespace gxf {

uint64_t register_context(Context* context) {
  add_live_context(context);
  return handle_of(context);
}

void unregister_context(uint64_t handle) {
  remove_live_context(reinterpret_cast<const Context*>(handle));
}

Context* context_from_handle(uint64_t handle) {
  if (is_live_context(handle)) return reinterpret_cast<Context*>(handle);
  throw GxfException{Error(GXF_CONTEXT_INVALID, "no live context with handle " +
                                                    std::to_string(handle))};
}

uint64_t handle_of(const Context* context) { return reinterpret_cast<uint64_t>(context); }

Component* component_from_cid(uint64_t context, int64_t cid) {
  Component* component = context_from_handle(context)->component(cid);
  if (!component) {
    throw GxfException{Error(GXF_PARAMETER_NOT_FOUND, "no component with cid " + std::to_string(cid))};
  }
  return component;
}

}  // namespace gxf
}  // namespace nvidia
