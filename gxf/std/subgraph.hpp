// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

#include "gxf/core/graph_include.hpp"

namespace nvidia {
namespace gxf {

// A loader directive: its entity becomes the parent of the graph file(s) at `location`, whose
// entities are named "<entity>.<name>" and whose interfaces appear on this entity. Nothing runs.
class Subgraph : public GraphInclude {
 public:
  gxf_result_t register_interface(Registrar* registrar) override {
    registrar->parameter(location_, "location", "Location",
                         "Subgraph file(s), comma-separated, relative to the working directory");
    registrar->parameter(prerequisites_, "prerequisites", "Prerequisites",
                         "Components the subgraph needs, by the names it declares",
                         kParameterFlagsOptional);
    return GXF_SUCCESS;
  }

  std::vector<std::string> included_files() const override {
    std::vector<std::string> files;
    if (!location_.is_set()) return files;
    const std::string& location = location_.get();
    size_t begin = 0;
    while (begin <= location.size()) {
      size_t end = location.find(',', begin);
      if (end == std::string::npos) end = location.size();
      std::string part = trim(location.substr(begin, end - begin));
      if (!part.empty()) files.push_back(part);
      begin = end + 1;
    }
    return files;
  }

  std::map<std::string, Component*> included_prerequisites() const override {
    std::map<std::string, Component*> prerequisites;
    if (!prerequisites_.is_set()) return prerequisites;
    for (const auto& entry : prerequisites_.get()) prerequisites[entry.first] = entry.second.get();
    return prerequisites;
  }

 private:
  static std::string trim(const std::string& text) {
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
  }

  Parameter<std::string> location_;
  Parameter<std::map<std::string, Handle<Component>>> prerequisites_;
};

}  // namespace gxf
}  // namespace nvidia
