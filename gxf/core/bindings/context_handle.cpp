// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/bindings/context_handle.hpp"

#include <mutex>
#include <unordered_set>

#include "gxf/core/bindings/errors.hpp"

namespace nvidia {
namespace gxf {

namespace {

std::mutex& registry_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::unordered_set<uint64_t>& live_contexts() {
  static std::unordered_set<uint64_t> contexts;
  return contexts;
}

}  // namespace

uint64_t register_context(Context* context) {
  uint64_t handle = reinterpret_cast<uint64_t>(context);
  std::lock_guard<std::mutex> lock(registry_mutex());
  live_contexts().insert(handle);
  return handle;
}

void unregister_context(uint64_t handle) {
  std::lock_guard<std::mutex> lock(registry_mutex());
  live_contexts().erase(handle);
}

Context* context_from_handle(uint64_t handle) {
  {
    std::lock_guard<std::mutex> lock(registry_mutex());
    if (live_contexts().count(handle)) return reinterpret_cast<Context*>(handle);
  }
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
