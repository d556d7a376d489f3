// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "gxf/core/expected.hpp"

namespace nvidia {
namespace gxf {

class Component;

// Named sets of entities that share resource components (thread pools, devices). Every entity
// starts in the default group; adding it to a user group moves it. Resources are published
// to the group of their entity at activation and withdrawn at deactivation. Thread-safe.
class EntityGroups {
 public:
  static constexpr const char* kDefaultName = "default_entity_group";

  explicit EntityGroups(gxf_uid_t default_gid);

  Result create(gxf_uid_t gid, const std::string& name);
  // Moves `eid` into group `gid`.
  Result add(gxf_uid_t gid, gxf_uid_t eid);
  gxf_uid_t group_of(gxf_uid_t eid) const;
  Expected<std::string> name(gxf_uid_t gid) const;

  void add_resource(gxf_uid_t gid, Component* resource);
  void remove_resource(Component* resource);
  // Resources of the group `eid` belongs to, in publication order.
  std::vector<Component*> resources_of(gxf_uid_t eid) const;

 private:
  struct Group {
    std::string name;
    std::vector<Component*> resources;
  };

  mutable std::mutex mutex_;
  gxf_uid_t default_gid_;
  std::unordered_map<gxf_uid_t, Group> groups_;
  std::unordered_map<gxf_uid_t, gxf_uid_t> membership_;  // entities moved out of the default
};

}  // namespace gxf
}  // namespace nvidia
