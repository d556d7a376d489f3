// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace nvidia {
namespace gxf {

class Context;

// Contexts handed to Python, by address. Contexts cross into Python as integers and every
// binding module (core's, each extension's) validates a handle before using it; the set lives
// in the runtime library so that all of them see the same one.
void add_live_context(const Context* context);
void remove_live_context(const Context* context);
bool is_live_context(uint64_t handle);

}  // namespace gxf
}  // namespace nvidia
