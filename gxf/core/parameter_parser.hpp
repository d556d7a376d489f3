// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <complex>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <unordered_map>
#include <vector>

#include "gxf/core/expected.hpp"
#include "gxf/core/filepath.hpp"
#include "gxf/core/handle.hpp"
#include "gxf/core/yaml_node.hpp"

namespace nvidia {
namespace gxf {

class Component;
class Context;
class Entity;

// Where a parameter value is being parsed: handles resolve relative to the owner entity and
// the subgraph prefix of the file being loaded, file paths against the file's folder.
struct ParseContext {
  Context* context = nullptr;
  Entity* owner = nullptr;
  std::string prefix;
  std::string directory;  // folder of the graph file being loaded; empty outside a file
};

// Scalar parsers with yaml-cpp's acceptance rules.
Expected<bool> parse_bool(const YamlNode& node);
Expected<int64_t> parse_int64(const YamlNode& node);
Expected<uint64_t> parse_uint64(const YamlNode& node);
Expected<double> parse_double(const YamlNode& node);
// "1.5+2j", "-2.1 - 3i": real part, sign, imaginary part with an 'i' or 'j' suffix.
Expected<std::complex<double>> parse_complex(const YamlNode& node);
Error parse_error(const YamlNode& node, const std::string& expected);

// Resolves "comp" or "entity/comp" to a component accepted by `accepts`.
using ComponentFilter = bool (*)(Component*);
Expected<Component*> resolve_handle(const YamlNode& node, const ParseContext& context,
                                    ComponentFilter accepts, const std::string& type_name);
// Registered name of a C++ component type, e.g. "nvidia::gxf::Transmitter".
std::string registered_type_name(const Context* context, const std::type_info& type);
std::string handle_to_yaml(const Component* component);

template <typename T, typename Enable = void>
struct ParameterTraits;

template <>
struct ParameterTraits<bool> {
  static constexpr bool kIsHandle = false;
  static std::string name() { return "bool"; }
  static Expected<bool> parse(const YamlNode& node, const ParseContext&) { return parse_bool(node); }
  static std::string to_yaml(bool value) { return value ? "true" : "false"; }
};

template <typename T>
struct ParameterTraits<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static constexpr bool kIsHandle = false;
  static std::string name() {
    return std::string(std::is_signed_v<T> ? "int" : "uint") + std::to_string(8 * sizeof(T));
  }
  static Expected<T> parse(const YamlNode& node, const ParseContext&) {
    if constexpr (std::is_signed_v<T>) {
      auto value = parse_int64(node);
      if (!value) return value.error();
      if (*value < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
          *value > static_cast<int64_t>(std::numeric_limits<T>::max())) {
        return parse_error(node, name() + " in range");
      }
      return static_cast<T>(*value);
    } else {
      auto value = parse_uint64(node);
      if (!value) return value.error();
      if (*value > static_cast<uint64_t>(std::numeric_limits<T>::max())) {
        return parse_error(node, name() + " in range");
      }
      return static_cast<T>(*value);
    }
  }
  static std::string to_yaml(T value) { return std::to_string(value); }
};

template <typename T>
struct ParameterTraits<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static constexpr bool kIsHandle = false;
  static std::string name() { return sizeof(T) == 4 ? "float32" : "float64"; }
  static Expected<T> parse(const YamlNode& node, const ParseContext&) {
    auto value = parse_double(node);
    if (!value) return value.error();
    return static_cast<T>(*value);
  }
  static std::string to_yaml(T value) { return std::to_string(value); }
};

template <typename T>
struct ParameterTraits<std::complex<T>> {
  static constexpr bool kIsHandle = false;
  static std::string name() { return sizeof(T) == 4 ? "complex64" : "complex128"; }
  static Expected<std::complex<T>> parse(const YamlNode& node, const ParseContext&) {
    auto value = parse_complex(node);
    if (!value) return value.error();
    return std::complex<T>(static_cast<T>(value->real()), static_cast<T>(value->imag()));
  }
  static std::string to_yaml(const std::complex<T>& value) {
    std::string imag = std::to_string(value.imag());
    return std::to_string(value.real()) + (value.imag() >= 0 ? "+" : "") + imag + "j";
  }
};

template <>
struct ParameterTraits<std::string> {
  static constexpr bool kIsHandle = false;
  static std::string name() { return "string"; }
  static Expected<std::string> parse(const YamlNode& node, const ParseContext&) {
    if (node.is_scalar()) return node.scalar;
    if (node.is_null()) return std::string();
    return node.text;  // a mapping or sequence given to a string parameter: its YAML text
  }
  static std::string to_yaml(const std::string& value) { return value; }
};

// GXF reads a FilePath as written (relative to the working directory). Resolved here when
// that names nothing but the graph file's folder holds the file: graphs and their files move
// together.
FilePath resolve_file_path(const std::string& path, const std::string& directory);

template <>
struct ParameterTraits<FilePath> {
  static constexpr bool kIsHandle = false;
  static std::string name() { return "FilePath"; }
  static Expected<FilePath> parse(const YamlNode& node, const ParseContext& context) {
    if (node.is_null()) return FilePath();
    if (!node.is_scalar()) return parse_error(node, "a file path");
    return resolve_file_path(node.scalar, context.directory);
  }
  static std::string to_yaml(const FilePath& value) { return value; }
};

template <typename T>
struct ParameterTraits<Handle<T>> {
  static constexpr bool kIsHandle = true;
  static std::string name() { return "handle"; }
  static bool accepts(Component* component);
  static Expected<Handle<T>> parse(const YamlNode& node, const ParseContext& context) {
    auto component = resolve_handle(node, context, &accepts,
                                    registered_type_name(context.context, typeid(T)));
    if (!component) return component.error();
    return Handle<T>(static_cast<T*>(dynamic_cast<T*>(component.value())));
  }
  static std::string to_yaml(const Handle<T>& value) {
    return handle_to_yaml(value.get());
  }
};

template <typename T>
struct ParameterTraits<std::vector<T>> {
  static constexpr bool kIsHandle = ParameterTraits<T>::kIsHandle;
  static std::string name() { return "vector<" + ParameterTraits<T>::name() + ">"; }
  static Expected<std::vector<T>> parse(const YamlNode& node, const ParseContext& context) {
    if (!node.is_sequence()) return parse_error(node, "a sequence");
    std::vector<T> result;
    result.reserve(node.items.size());
    for (const YamlNode& item : node.items) {
      auto value = ParameterTraits<T>::parse(item, context);
      if (!value) return value.error();
      result.push_back(std::move(value.value()));
    }
    return result;
  }
  static std::string to_yaml(const std::vector<T>& value) {
    std::string text = "[";
    for (size_t i = 0; i < value.size(); ++i) {
      if (i) text += ", ";
      text += ParameterTraits<T>::to_yaml(value[i]);
    }
    return text + "]";
  }
};

template <typename T, size_t N>
struct ParameterTraits<std::array<T, N>> {
  static constexpr bool kIsHandle = ParameterTraits<T>::kIsHandle;
  static std::string name() {
    return "array<" + ParameterTraits<T>::name() + "," + std::to_string(N) + ">";
  }
  static Expected<std::array<T, N>> parse(const YamlNode& node, const ParseContext& context) {
    if (!node.is_sequence() || node.items.size() != N) {
      return parse_error(node, "a sequence of " + std::to_string(N) + " items");
    }
    std::array<T, N> result{};
    for (size_t i = 0; i < N; ++i) {
      auto value = ParameterTraits<T>::parse(node.items[i], context);
      if (!value) return value.error();
      result[i] = std::move(value.value());
    }
    return result;
  }
  static std::string to_yaml(const std::array<T, N>& value) {
    return ParameterTraits<std::vector<T>>::to_yaml(std::vector<T>(value.begin(), value.end()));
  }
};

// A pair is written as a two-item sequence.
template <typename A, typename B>
struct ParameterTraits<std::pair<A, B>> {
  static constexpr bool kIsHandle = false;
  static std::string name() {
    return "pair<" + ParameterTraits<A>::name() + "," + ParameterTraits<B>::name() + ">";
  }
  static Expected<std::pair<A, B>> parse(const YamlNode& node, const ParseContext& context) {
    if (!node.is_sequence() || node.items.size() != 2) {
      return parse_error(node, "a sequence of 2 items");
    }
    auto first = ParameterTraits<A>::parse(node.items[0], context);
    if (!first) return first.error();
    auto second = ParameterTraits<B>::parse(node.items[1], context);
    if (!second) return second.error();
    return std::pair<A, B>(std::move(first.value()), std::move(second.value()));
  }
  static std::string to_yaml(const std::pair<A, B>& value) {
    return "[" + ParameterTraits<A>::to_yaml(value.first) + ", " +
           ParameterTraits<B>::to_yaml(value.second) + "]";
  }
};

template <typename Map>
struct MapParameterTraits {
  using T = typename Map::mapped_type;
  static constexpr bool kIsHandle = false;
  static std::string name() { return "map<string," + ParameterTraits<T>::name() + ">"; }
  static Expected<Map> parse(const YamlNode& node, const ParseContext& context) {
    if (!node.is_map()) return parse_error(node, "a mapping");
    Map result;
    for (const auto& entry : node.entries) {
      auto value = ParameterTraits<T>::parse(entry.second, context);
      if (!value) return value.error();
      result.emplace(entry.first, std::move(value.value()));
    }
    return result;
  }
  static std::string to_yaml(const Map& value) {
    std::string text = "{";
    bool first = true;
    for (const auto& entry : value) {
      if (!first) text += ", ";
      first = false;
      text += entry.first + ": " + ParameterTraits<T>::to_yaml(entry.second);
    }
    return text + "}";
  }
};

template <typename T>
struct ParameterTraits<std::map<std::string, T>> : MapParameterTraits<std::map<std::string, T>> {};
template <typename T>
struct ParameterTraits<std::unordered_map<std::string, T>>
    : MapParameterTraits<std::unordered_map<std::string, T>> {};

}  // namespace gxf
}  // namespace nvidia
