// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace nvidia {
namespace gxf {

// A parameter that names a file (GXF's FilePath). Parsed from a graph file, a relative path
// that does not exist from the working directory but does next to the graph file is resolved
// against the graph file's folder, so graphs keep their files beside them (see
// ParameterTraits<FilePath>).
struct FilePath : public std::string {
  FilePath() = default;
  FilePath(const char* text) : std::string(text) {}
  FilePath(std::string text) : std::string(std::move(text)) {}
};

}  // namespace gxf
}  // namespace nvidia
