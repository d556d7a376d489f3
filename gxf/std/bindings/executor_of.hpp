// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/bindings/context_handle.hpp"
#include "gxf/core/bindings/errors.hpp"
#include "gxf/std/program.hpp"

namespace nvidia {
namespace gxf {

// The entity executor of a context's program, for bindings that read run state (metrics,
// the stall explainer); `what` names the caller in the error when std is not loaded.
inline EntityExecutor& executor_of(uint64_t handle, const char* what) {
  Context* context = context_from_handle(handle);
  auto* program = dynamic_cast<Program*>(context->runtime());
  if (!program) {
    throw GxfException{Error(GXF_FACTORY_UNKNOWN_CLASS_NAME,
                             std::string(what) +
                                 ": the standard extension (gxf/std/libgxf_std.so) is not loaded")};
  }
  return program->executor();
}

}  // namespace gxf
}  // namespace nvidia
