// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/parameter_parser.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string trimmed(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t");
  size_t end = text.find_last_not_of(" \t");
  return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
}

}  // namespace

Error parse_error(const YamlNode& node, const std::string& expected) {
  std::string got = node.is_scalar() ? "'" + node.scalar + "'" : std::string("a ") + node.kind_name();
  std::string where = node.line > 0 ? " (line " + std::to_string(node.line) + ")" : "";
  return Error(GXF_PARAMETER_PARSER_ERROR, "expected " + expected + ", got " + got + where);
}

Expected<bool> parse_bool(const YamlNode& node) {
  if (node.is_scalar()) {
    std::string text = lower(trimmed(node.scalar));
    if (text == "true" || text == "yes" || text == "on" || text == "y") return true;
    if (text == "false" || text == "no" || text == "off" || text == "n") return false;
  }
  return parse_error(node, "a boolean (true/false)");
}

Expected<int64_t> parse_int64(const YamlNode& node) {
  if (node.is_scalar()) {
    std::string text = trimmed(node.scalar);
    if (!text.empty()) {
      errno = 0;
      char* end = nullptr;
      long long value = std::strtoll(text.c_str(), &end, 0);
      if (errno == 0 && end && *end == '\0') return static_cast<int64_t>(value);
    }
  }
  return parse_error(node, "an integer");
}

Expected<uint64_t> parse_uint64(const YamlNode& node) {
  if (node.is_scalar()) {
    std::string text = trimmed(node.scalar);
    if (!text.empty() && text[0] != '-') {
      errno = 0;
      char* end = nullptr;
      unsigned long long value = std::strtoull(text.c_str(), &end, 0);
      if (errno == 0 && end && *end == '\0') return static_cast<uint64_t>(value);
    }
  }
  return parse_error(node, "a non-negative integer");
}

Expected<double> parse_double(const YamlNode& node) {
  if (node.is_scalar()) {
    std::string text = lower(trimmed(node.scalar));
    if (text == ".inf" || text == "+.inf") return HUGE_VAL;
    if (text == "-.inf") return -HUGE_VAL;
    if (text == ".nan") return std::nan("");
    if (!text.empty()) {
      errno = 0;
      char* end = nullptr;
      double value = std::strtod(text.c_str(), &end);
      if (errno == 0 && end && *end == '\0') return value;
    }
  }
  return parse_error(node, "a number");
}

namespace {

// "1.5" or "-2" in full, as strtod reads it; false for anything else.
bool read_number(const std::string& text, double* value) {
  if (text.empty()) return false;
  errno = 0;
  char* end = nullptr;
  *value = std::strtod(text.c_str(), &end);
  return errno == 0 && end && *end == '\0';
}

}  // namespace

Expected<std::complex<double>> parse_complex(const YamlNode& node) {
  if (!node.is_scalar()) return parse_error(node, "a complex number such as 1.5+2j");
  std::string text;
  for (char c : node.scalar) {
    if (c != ' ' && c != '\t') text += c;
  }
  if (text.size() < 2 || (text.back() != 'i' && text.back() != 'j')) {
    return parse_error(node, "a complex number such as 1.5+2j");
  }
  text.pop_back();
  // The imaginary part starts at the last sign that is neither leading nor an exponent's.
  size_t split = std::string::npos;
  for (size_t i = text.size(); i-- > 1;) {
    if ((text[i] == '+' || text[i] == '-') && text[i - 1] != 'e' && text[i - 1] != 'E') {
      split = i;
      break;
    }
  }
  double real = 0.0;
  double imag = 0.0;
  if (split == std::string::npos || !read_number(text.substr(0, split), &real) ||
      !read_number(text.substr(split), &imag)) {
    return parse_error(node, "a complex number such as 1.5+2j");
  }
  return std::complex<double>(real, imag);
}

FilePath resolve_file_path(const std::string& path, const std::string& directory) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  if (path.empty() || directory.empty() || fs::path(path).is_absolute() ||
      fs::exists(path, ignored)) {
    return FilePath(path);
  }
  fs::path beside = fs::path(directory) / path;
  if (fs::exists(beside, ignored)) return FilePath(beside.lexically_normal().string());
  return FilePath(path);
}

Expected<Component*> resolve_handle(const YamlNode& node, const ParseContext& context,
                                    ComponentFilter accepts, const std::string& type_name) {
  if (!node.is_scalar()) return parse_error(node, "a component name ('comp' or 'entity/comp')");
  const std::string& text = node.scalar;
  Entity* entity = context.owner;
  std::string component_name = text;
  size_t slash = text.find('/');
  if (slash != std::string::npos) {
    std::string entity_name = text.substr(0, slash);
    component_name = text.substr(slash + 1);
    entity = context.context->find_entity(context.prefix + entity_name);
    if (!entity && !context.prefix.empty()) {
      entity = context.context->find_entity(entity_name);
      if (entity) {
        GXF_LOG_WARNING("Handle '%s' resolved to top-level entity '%s' (deprecated fallback).",
                        text.c_str(), entity_name.c_str());
      }
    }
    if (!entity) {
      return make_error(GXF_ENTITY_NOT_FOUND, "no entity named '" + context.prefix + entity_name +
                                                  "' for handle '" + text + "'");
    }
  }
  if (!entity) return make_error(GXF_ENTITY_NOT_FOUND, "no owner entity for handle '" + text + "'");
  bool name_matched = false;
  for (const auto& component : entity->components()) {
    if (component->name() != component_name) continue;
    name_matched = true;
    if (accepts(component.get())) return component.get();
  }
  if (Component* interface = entity->find_interface(component_name)) return interface;
  if (name_matched) {
    return make_error(GXF_ENTITY_COMPONENT_NOT_FOUND,
                      "component '" + component_name + "' in entity '" + entity->name() +
                          "' is not a " + type_name + " (handle '" + text + "')");
  }
  return make_error(GXF_ENTITY_COMPONENT_NOT_FOUND, "no component named '" + component_name +
                                                        "' in entity '" + entity->name() +
                                                        "' (handle '" + text + "')");
}

std::string registered_type_name(const Context* context, const std::type_info& type) {
  const TypeInfo* info =
      const_cast<Context*>(context)->registry().find(std::type_index(type));
  return info ? info->name : std::string(type.name());
}

std::string handle_to_yaml(const Component* component) {
  if (!component) return "<Unspecified>";
  return component->entity()->name() + "/" + component->name();
}

}  // namespace gxf
}  // namespace nvidia
