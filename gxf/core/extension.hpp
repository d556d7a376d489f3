// SPDX-License-Identifier: Apache-2.0
#pragma once

// Public header for writing an extension: a shared library that a manifest loads by path.
//
//   GXF_EXTENSION_FACTORY(extension) {
//     extension.set_info({0x1234..., 0x5678...}, "MyExtension", "What it does", "me", "1.0.0");
//     extension.add<MyCodelet, nvidia::gxf::Codelet>("my::MyCodelet", {0xabcd..., 0xef01...},
//                                                    "What MyCodelet does");
//   }

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <typeindex>

#include "gxf/core/component.hpp"
#include "gxf/core/type_registry.hpp"

namespace nvidia {
namespace gxf {

class Extension {
 public:
  void set_info(gxf_tid_t tid, std::string name, std::string description,
                std::string author = {}, std::string version = "1.0.0",
                std::string license = {}) {
    tid_ = tid;
    name_ = std::move(name);
    description_ = std::move(description);
    author_ = std::move(author);
    version_ = std::move(version);
    license_ = std::move(license);
  }

  template <typename T, typename Base>
  void add(const std::string& type_name, gxf_tid_t tid, const std::string& description = {}) {
    TypeInfo& info = types_.emplace_back();
    info.name = type_name;
    info.tid = tid;
    info.description = description;
    info.cpp_type = std::type_index(typeid(T));
    info.cpp_base = std::type_index(typeid(Base));
    if constexpr (!std::is_abstract_v<T>) {
      info.factory = [] { return static_cast<Component*>(new T()); };
    }
    info.extension = this;
  }
  // A root type with no registered base (Component itself).
  template <typename T>
  void add_root(const std::string& type_name, gxf_tid_t tid) {
    TypeInfo& info = types_.emplace_back();
    info.name = type_name;
    info.tid = tid;
    info.cpp_type = std::type_index(typeid(T));
    info.extension = this;
  }
  // Called once when the extension is loaded into a context.
  void on_load(std::function<Result(Context&)> hook) { on_load_ = std::move(hook); }

  gxf_tid_t tid() const { return tid_; }
  const std::string& name() const { return name_; }
  const std::string& description() const { return description_; }
  const std::string& author() const { return author_; }
  const std::string& version() const { return version_; }
  const std::string& license() const { return license_; }
  const std::deque<TypeInfo>& types() const { return types_; }
  const std::function<Result(Context&)>& load_hook() const { return on_load_; }

 private:
  gxf_tid_t tid_;
  std::string name_, description_, author_, version_, license_;
  std::deque<TypeInfo> types_;  // deque: TypeInfo addresses stay valid as types are added
  std::function<Result(Context&)> on_load_;
};

using ExtensionFactory = void (*)(Extension&);

}  // namespace gxf
}  // namespace nvidia

#define GXF_EXTENSION_FACTORY_SYMBOL "gxf_extension_factory"
#define GXF_EXTENSION_FACTORY(extension)                                    \
  extern "C" __attribute__((visibility("default"))) void gxf_extension_factory( \
      ::nvidia::gxf::Extension& extension)
