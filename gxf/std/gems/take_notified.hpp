// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <unordered_set>
#include <vector>

#include "gxf/std/entity_executor.hpp"

namespace nvidia {
namespace gxf {

// Moves the entities of `parked` that have an event in `notified` to `active`, keeping the
// order of both lists, and takes those events; true if one moved. The caller holds the lock
// that guards `notified`. (The single-threaded schedulers' way to wake parked entities.)
inline bool take_notified(std::vector<EntityItem*>* parked,
                          std::unordered_set<gxf_uid_t>* notified,
                          std::vector<EntityItem*>* active) {
  bool woke = false;
  size_t keep = 0;
  for (EntityItem* item : *parked) {
    if (notified->erase(item->eid())) {
      active->push_back(item);
      woke = true;
    } else {
      (*parked)[keep++] = item;
    }
  }
  parked->resize(keep);
  return woke;
}

}  // namespace gxf
}  // namespace nvidia
