// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/entity_groups.hpp"

#include <algorithm>

namespace nvidia {
namespace gxf {

EntityGroups::EntityGroups(gxf_uid_t default_gid) : default_gid_(default_gid) {
  groups_[default_gid_].name = kDefaultName;
}

Result EntityGroups::create(gxf_uid_t gid, const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (groups_.count(gid)) {
    return make_error(GXF_FAILURE, "entity group " + std::to_string(gid) + " already exists");
  }
  groups_[gid].name = name;
  return Result();
}

Result EntityGroups::add(gxf_uid_t gid, gxf_uid_t eid) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!groups_.count(gid)) {
    return make_error(GXF_ENTITY_GROUP_NOT_FOUND, "no entity group " + std::to_string(gid));
  }
  if (gid == default_gid_) {
    membership_.erase(eid);
  } else {
    membership_[eid] = gid;
  }
  return Result();
}

gxf_uid_t EntityGroups::group_of(gxf_uid_t eid) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = membership_.find(eid);
  return it == membership_.end() ? default_gid_ : it->second;
}

Expected<std::string> EntityGroups::name(gxf_uid_t gid) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = groups_.find(gid);
  if (it == groups_.end()) {
    return make_error(GXF_ENTITY_GROUP_NOT_FOUND, "no entity group " + std::to_string(gid));
  }
  return it->second.name;
}

void EntityGroups::add_resource(gxf_uid_t gid, Component* resource) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& resources = groups_[gid].resources;
  if (std::find(resources.begin(), resources.end(), resource) == resources.end()) {
    resources.push_back(resource);
  }
}

void EntityGroups::remove_resource(Component* resource) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& entry : groups_) {
    auto& resources = entry.second.resources;
    resources.erase(std::remove(resources.begin(), resources.end(), resource), resources.end());
  }
}

std::vector<Component*> EntityGroups::resources_of(gxf_uid_t eid) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto member = membership_.find(eid);
  gxf_uid_t gid = member == membership_.end() ? default_gid_ : member->second;
  auto it = groups_.find(gid);
  return it == groups_.end() ? std::vector<Component*>{} : it->second.resources;
}

}  // namespace gxf
}  // namespace nvidia
