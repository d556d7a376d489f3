// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/component.hpp"

#include <cstdarg>
#include <cstdio>

#include "gxf/core/cache_line.hpp"
#include "gxf/core/context.hpp"
#include "gxf/core/entity.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/core/type_registry.hpp"

namespace nvidia {
namespace gxf {

namespace {

// Undeclared keys follow GXF's dynamic-parameter rules: mappings apply their entries to the
// same component, sequences must hold mappings, scalars are stored as written.
Result set_dynamic_parameter(Component* component, std::map<std::string, YamlNode>& store,
                             const std::string& key, const YamlNode& node) {
  if (node.is_map() && node.tag != "!yaml") {
    for (const auto& entry : node.entries) {
      Result result = set_dynamic_parameter(component, store, entry.first, entry.second);
      if (!result) return result;
    }
    return Result();
  }
  if (node.is_sequence() && node.tag != "!yaml") {
    for (const YamlNode& item : node.items) {
      if (!item.is_map()) {
        return make_error(GXF_INVALID_DATA_FORMAT,
                          "unregistered parameter '" + key + "' is a sequence of non-mappings");
      }
      Result result = set_dynamic_parameter(component, store, key, item);
      if (!result) return result;
    }
    return Result();
  }
  if (node.is_scalar() && !node.tag.empty() && node.tag != "!ms" && node.tag != "!yaml") {
    return make_error(GXF_INVALID_DATA_FORMAT,
                      "unregistered parameter '" + key + "' has unsupported tag " + node.tag);
  }
  std::string source =
      component->context() ? component->context()->component_source(component->cid()) : "";
  if (!source.empty()) source += ": ";
  GXF_LOG_WARNING("%sUsing unregistered parameter '%s' in %s.", source.c_str(), key.c_str(),
                  component->describe().c_str());
  store[key] = node;
  return Result();
}

}  // namespace

void* Component::operator new(size_t size) { return allocate_cache_lines(size); }

void Component::operator delete(void* pointer) { free_cache_lines(pointer); }

gxf_uid_t Component::eid() const { return entity_ ? entity_->eid() : kNullUid; }

const std::string& Component::type_name() const {
  static const std::string kUnknown = "<unknown>";
  return type_ ? type_->name : kUnknown;
}

ParameterBase* Component::find_parameter(const std::string& key) const {
  for (ParameterBase* parameter : parameters_) {
    if (parameter->key() == key) return parameter;
  }
  return nullptr;
}

Result Component::set_parameter(const std::string& key, const YamlNode& node,
                                const ParseContext& context) {
  ParameterBase* parameter = find_parameter(key);
  if (!parameter) return set_dynamic_parameter(this, dynamic_parameters_, key, node);
  Result result = parameter->set_from_yaml(node, context);
  if (!result) {
    result.error().with_context("parameter '" + key + "' (" + parameter->type_name() + ")");
  }
  return result;
}

std::string Component::describe() const {
  std::string entity_name = entity_ ? entity_->name() : std::string("?");
  return "entity '" + entity_name + "', component '" + name_ + "' (" + type_name() + ")";
}

namespace {

// A reason recorded by Component::fail and not yet taken by a report site.
struct PendingFailure {
  bool recorded = false;
  const Component* component = nullptr;
  std::string where;  // the component's describe(), taken when it failed
  std::string reason;
};

PendingFailure& pending_failure() {
  thread_local PendingFailure pending;
  return pending;
}

// The pending reason as seen from `component`: prefixed with where it happened when another
// component failed first.
std::string take_pending_reason(const Component* component) {
  PendingFailure& pending = pending_failure();
  if (!pending.recorded) return {};
  std::string reason =
      pending.component == component ? pending.reason : pending.where + ": " + pending.reason;
  pending = PendingFailure();
  return reason;
}

}  // namespace

gxf_result_t Component::fail(gxf_result_t code, const char* format, ...) const {
  va_list arguments;
  va_start(arguments, format);
  va_list measure;
  va_copy(measure, arguments);
  const int length = std::vsnprintf(nullptr, 0, format, measure);
  va_end(measure);
  std::string reason(length > 0 ? static_cast<size_t>(length) : 0, '\0');
  if (length > 0) std::vsnprintf(&reason[0], reason.size() + 1, format, arguments);
  va_end(arguments);
  GXF_LOG_ERROR("%s: %s", describe().c_str(), reason.c_str());
  // An inner failure already pending becomes the cause of this one.
  std::string cause = take_pending_reason(this);
  if (!cause.empty()) reason += ": " + cause;
  PendingFailure& pending = pending_failure();
  pending.recorded = true;
  pending.component = this;
  pending.where = describe();
  pending.reason = std::move(reason);
  return code;
}

Error component_failure(const Component* component, gxf_result_t code, const std::string& what) {
  std::string reason = take_pending_reason(component);
  Error error(code, reason.empty() ? what : what + ": " + reason);
  error.with_context(component->describe());
  if (Context* context = component->context()) {
    std::string source = context->component_source(component->cid());
    if (!source.empty()) error.with_context(source);
  }
  return error;
}

void discard_failure() {
  PendingFailure& pending = pending_failure();
  if (pending.recorded) pending = PendingFailure();
}

gxf_result_t Registrar::add(ParameterBase& parameter, const char* key, const char* headline,
                            const char* description, uint32_t flags) {
  if (component_->find_parameter(key)) return GXF_PARAMETER_ALREADY_REGISTERED;
  parameter.key_ = key;
  parameter.headline_ = headline ? headline : "";
  parameter.description_ = description ? description : "";
  parameter.flags_ = flags;
  component_->parameters_.push_back(&parameter);
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
