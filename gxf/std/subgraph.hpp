// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

// A loader directive: its entity becomes the parent of the graph file(s) at `location`, whose
// entities are named "<entity>.<name>" and whose interfaces appear on this entity. Nothing runs.
class Subgraph : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override {
    registrar->parameter(location_, "location", "Location",
                         "Subgraph file(s), comma-separated, relative to the working directory");
    registrar->parameter(prerequisites_, "prerequisites", "Prerequisites",
                         "Components the subgraph needs, by the names it declares",
                         kParameterFlagsOptional);
    return GXF_SUCCESS;
  }

 private:
  Parameter<std::string> location_;
  Parameter<std::map<std::string, Handle<Component>>> prerequisites_;
};

}  // namespace gxf
}  // namespace nvidia
