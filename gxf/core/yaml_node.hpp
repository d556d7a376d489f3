// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace nvidia {
namespace gxf {

// A parameter value as written in a graph file: the composed YAML node, scalars kept as text
// so each parameter type parses them the way yaml-cpp would (a quoted '1' is still an int
// for an int parameter). `text` holds the node re-serialised in block style, used when a
// mapping or sequence is given to a string parameter.
struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };

  Kind kind = Kind::kNull;
  std::string scalar;
  std::string tag;      // explicit tag such as "!ms" or "!yaml"; empty when plain
  bool quoted = false;  // scalar written in quotes
  std::vector<YamlNode> items;
  std::vector<std::pair<std::string, YamlNode>> entries;
  std::string text;
  int line = 0;  // 1-based line in the source file, 0 when unknown

  static YamlNode make_scalar(std::string value) {
    YamlNode node;
    node.kind = Kind::kScalar;
    node.scalar = value;
    node.text = std::move(value);
    return node;
  }
  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_map() const { return kind == Kind::kMap; }
  bool is_null() const { return kind == Kind::kNull; }
  const char* kind_name() const {
    switch (kind) {
      case Kind::kNull: return "null";
      case Kind::kScalar: return "scalar";
      case Kind::kSequence: return "sequence";
      case Kind::kMap: return "mapping";
    }
    return "?";
  }
};

}  // namespace gxf
}  // namespace nvidia
