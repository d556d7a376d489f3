// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

// A loader directive: a component that asks the graph loader to load more graph files into
// its entity (GXF's Subgraph). The loader sets such components' parameters before the other
// entries', loads their files with the entity's name as prefix, then goes on; it knows them
// by this interface, not by type name.
class GraphInclude : public Component {
 public:
  // The graph files to load, in order (empty while no location is set).
  virtual std::vector<std::string> included_files() const = 0;
  // The components the included files may refer to, by the names they declare.
  virtual std::map<std::string, Component*> included_prerequisites() const = 0;
};

}  // namespace gxf
}  // namespace nvidia
