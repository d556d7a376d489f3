// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/context.hpp"

namespace nvidia {
namespace gxf {

// Contexts cross into Python as integers (GXF's API style). Every use is validated, so a
// stale or made-up handle is GXF_CONTEXT_INVALID, never a dereference.
uint64_t register_context(Context* context);
void unregister_context(uint64_t handle);
Context* context_from_handle(uint64_t handle);
uint64_t handle_of(const Context* context);
Component* component_from_cid(uint64_t context, int64_t cid);

}  // namespace gxf
}  // namespace nvidia
