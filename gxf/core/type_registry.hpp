// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

class Context;
class Extension;

struct TypeInfo {
  std::string name;
  gxf_tid_t tid;
  std::string base_name;
  std::string description;
  std::type_index cpp_type = std::type_index(typeid(void));
  std::type_index cpp_base = std::type_index(typeid(void));
  std::function<Component*()> factory;  // empty for abstract types
  const Extension* extension = nullptr;
  bool is_abstract() const { return !factory; }
};

// The component types of the extensions loaded into one context.
class TypeRegistry {
 public:
  Result add_extension(const Extension& extension);
  const TypeInfo* find(const std::string& name) const;
  const TypeInfo* find(const gxf_tid_t& tid) const;
  const TypeInfo* find(const std::type_index& cpp_type) const;
  // True when `type` is `base_name` or derives from it.
  bool is_a(const TypeInfo* type, const std::string& base_name) const;
  const std::vector<const Extension*>& extensions() const { return extensions_; }

 private:
  std::vector<const Extension*> extensions_;
  std::unordered_map<std::string, const TypeInfo*> by_name_;
  std::unordered_map<std::type_index, const TypeInfo*> by_cpp_type_;
};

}  // namespace gxf
}  // namespace nvidia
