// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/type_registry.hpp"

#include "gxf/core/extension.hpp"

namespace nvidia {
namespace gxf {

Result TypeRegistry::add_extension(const Extension& extension) {
  for (const TypeInfo& type : extension.types()) {
    auto existing = by_name_.find(type.name);
    if (existing != by_name_.end() && existing->second->extension != &extension) {
      return make_error(GXF_FACTORY_DUPLICATE_TID,
                        "type '" + type.name + "' is already registered by extension '" +
                            existing->second->extension->name() + "'");
    }
  }
  for (const TypeInfo& type : extension.types()) {
    by_name_[type.name] = &type;
    by_cpp_type_[type.cpp_type] = &type;
  }
  // Base names resolve through C++ types, so an extension may derive from any loaded type.
  for (const auto& entry : by_name_) {
    auto* type = const_cast<TypeInfo*>(entry.second);
    if (type->base_name.empty() && type->cpp_base != std::type_index(typeid(void))) {
      auto base = by_cpp_type_.find(type->cpp_base);
      if (base != by_cpp_type_.end()) type->base_name = base->second->name;
    }
  }
  extensions_.push_back(&extension);
  return Result();
}

const TypeInfo* TypeRegistry::find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

const TypeInfo* TypeRegistry::find(const gxf_tid_t& tid) const {
  for (const auto& entry : by_name_) {
    if (entry.second->tid == tid) return entry.second;
  }
  return nullptr;
}

const TypeInfo* TypeRegistry::find(const std::type_index& cpp_type) const {
  auto it = by_cpp_type_.find(cpp_type);
  return it == by_cpp_type_.end() ? nullptr : it->second;
}

bool TypeRegistry::is_a(const TypeInfo* type, const std::string& base_name) const {
  while (type) {
    if (type->name == base_name) return true;
    type = type->base_name.empty() ? nullptr : find(type->base_name);
  }
  return false;
}

}  // namespace gxf
}  // namespace nvidia
