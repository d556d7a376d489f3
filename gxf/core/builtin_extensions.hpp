// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "gxf/core/extension.hpp"

namespace nvidia {
namespace gxf {

// Extensions compiled into this package, by the library name a GXF manifest uses for them
// ("libgxf_std.so"). A manifest entry whose file does not exist resolves here by basename.
void register_builtin_extension(const std::string& library_name, ExtensionFactory factory);
ExtensionFactory find_builtin_extension(const std::string& library_name);
std::vector<std::string> builtin_extension_names();

struct BuiltinExtensionRegistration {
  BuiltinExtensionRegistration(const char* library_name, ExtensionFactory factory) {
    register_builtin_extension(library_name, factory);
  }
};

}  // namespace gxf
}  // namespace nvidia
