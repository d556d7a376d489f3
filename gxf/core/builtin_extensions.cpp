// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/builtin_extensions.hpp"

#include <map>
#include <mutex>

namespace nvidia {
namespace gxf {

namespace {

std::map<std::string, ExtensionFactory>& table() {
  static std::map<std::string, ExtensionFactory> extensions;
  return extensions;
}

std::mutex& table_mutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

void register_builtin_extension(const std::string& library_name, ExtensionFactory factory) {
  std::lock_guard<std::mutex> lock(table_mutex());
  table()[library_name] = factory;
}

ExtensionFactory find_builtin_extension(const std::string& library_name) {
  std::lock_guard<std::mutex> lock(table_mutex());
  auto it = table().find(library_name);
  return it == table().end() ? nullptr : it->second;
}

std::vector<std::string> builtin_extension_names() {
  std::lock_guard<std::mutex> lock(table_mutex());
  std::vector<std::string> names;
  for (const auto& entry : table()) names.push_back(entry.first);
  return names;
}

}  // namespace gxf
}  // namespace nvidia
