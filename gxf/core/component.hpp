// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

#include "gxf/core/expected.hpp"
#include "gxf/core/handle.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/core/yaml_node.hpp"

namespace nvidia {
namespace gxf {

class Context;
class Entity;
class Registrar;
struct TypeInfo;

// Root of everything a graph entity holds. Lifecycle, in order: constructed by its type's
// factory, register_interface() declares parameters, parameters are set from the graph file,
// initialize() at entity activation, deinitialize() at deactivation (reverse component order),
// destroyed with the entity. Components never outlive their entity.
class Component {
 public:
  virtual ~Component() = default;
  // Each component gets whole cache lines: components of different entities sit side by side
  // in the heap (made one after the other when a graph loads), and on a parallel scheduler
  // different workers write them on every message (queue state, tick counts). Sharing a line,
  // neighbours on two cores made each other's writes miss.
  static void* operator new(size_t size);
  static void operator delete(void* pointer);

  virtual gxf_result_t register_interface(Registrar* registrar) { return GXF_SUCCESS; }
  virtual gxf_result_t initialize() { return GXF_SUCCESS; }
  virtual gxf_result_t deinitialize() { return GXF_SUCCESS; }
  // Message components that return true are kept with their pooled message entity and reused
  // for the next message instead of being freed (no allocation per message). Must drop every
  // resource the component holds.
  virtual bool reset_for_reuse() { return false; }

  gxf_uid_t cid() const { return cid_; }
  gxf_uid_t eid() const;
  Entity* entity() const { return entity_; }
  Context* context() const { return context_; }
  const std::string& name() const { return name_; }
  const TypeInfo* type() const { return type_; }
  const std::string& type_name() const;

  ParameterBase* find_parameter(const std::string& key) const;
  const std::vector<ParameterBase*>& parameters() const { return parameters_; }
  // Keys the component does not declare, kept as written ("Using unregistered parameter").
  const std::map<std::string, YamlNode>& dynamic_parameters() const { return dynamic_parameters_; }
  // Sets a declared parameter, or records an undeclared key as a dynamic one.
  Result set_parameter(const std::string& key, const YamlNode& node, const ParseContext& context);
  // "entity/component (type)" for messages.
  std::string describe() const;

  // Records why this component failed and returns `code`, so a failing lifecycle call reads
  // `return fail(GXF_ARGUMENT_OUT_OF_RANGE, "capacity must be at least 1");`. The reason is
  // logged (as GXF logs it) and travels with the code to whoever reports the failure
  // (activation, the run, deactivation), which adds graph file, entity and component; it
  // reaches the Python exception and gxe's stderr whatever the log severity. Kept per thread:
  // a failure deep inside a call (an allocator failing in a codelet's tick) reaches the
  // caller's report too, wrapped by the reasons its callers add with their own fail().
  gxf_result_t fail(gxf_result_t code, const char* format, ...) const
      __attribute__((format(printf, 3, 4)));

 private:
  friend class Context;
  friend class Registrar;
  Context* context_ = nullptr;
  Entity* entity_ = nullptr;
  gxf_uid_t cid_ = kNullUid;
  std::string name_;
  const TypeInfo* type_ = nullptr;
  std::vector<ParameterBase*> parameters_;
  std::map<std::string, YamlNode> dynamic_parameters_;
};

// The Error a report site raises for `component` failing with `code` in `what` ("initialize()
// failed"): carries the reason recorded by Component::fail on this thread (then forgotten),
// and the component's entity, name, type and, when loaded from a file, graph file and line.
Error component_failure(const Component* component, gxf_result_t code, const std::string& what);
// Forgets a reason recorded on this thread that no report took (the failure was handled), so
// it cannot be pinned on a later, unrelated failure. Called before each lifecycle call.
void discard_failure();

// Declares a component's parameters; used only inside register_interface().
class Registrar {
 public:
  explicit Registrar(Component* component) : component_(component) {}

  template <typename T>
  gxf_result_t parameter(Parameter<T>& parameter, const char* key, const char* headline = "",
                         const char* description = "",
                         ParameterFlags flags = kParameterFlagsNone) {
    return add(parameter, key, headline, description, flags);
  }
  template <typename T, typename D>
  gxf_result_t parameter(Parameter<T>& parameter, const char* key, const char* headline,
                         const char* description, const D& default_value,
                         uint32_t flags = kParameterFlagsNone) {
    parameter.set_default(T(default_value));
    return add(parameter, key, headline, description, flags);
  }

  // Declares the values a numeric parameter accepts, both ends included; activation fails
  // with `code`, naming the parameter, its value and the range, for any other value (GXF
  // accepts them and misbehaves: an overflowing duration, an allocation without bound).
  template <typename T, typename L, typename H>
  void range(Parameter<T>& parameter, L lo, H hi,
             gxf_result_t code = GXF_PARAMETER_OUT_OF_RANGE) {
    parameter.set_range(static_cast<T>(lo), static_cast<T>(hi), code);
  }

 private:
  gxf_result_t add(ParameterBase& parameter, const char* key, const char* headline,
                   const char* description, uint32_t flags);
  Component* component_;
};

template <typename T>
bool ParameterTraits<Handle<T>>::accepts(Component* component) {
  return dynamic_cast<T*>(component) != nullptr;
}

template <typename T>
gxf_uid_t Handle<T>::cid() const {
  return pointer_ ? static_cast<const Component*>(pointer_)->cid() : kNullUid;
}

}  // namespace gxf
}  // namespace nvidia
