// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/live_contexts.hpp"

#include <mutex>
#include <unordered_set>

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

void add_live_context(const Context* context) {
  std::lock_guard<std::mutex> lock(registry_mutex());
  live_contexts().insert(reinterpret_cast<uint64_t>(context));
}

void remove_live_context(const Context* context) {
  std::lock_guard<std::mutex> lock(registry_mutex());
  live_contexts().erase(reinterpret_cast<uint64_t>(context));
}

bool is_live_context(uint64_t handle) {
  std::lock_guard<std::mutex> lock(registry_mutex());
  return live_contexts().count(handle) != 0;
}

}  // namespace gxf
}  // namespace nvidia
