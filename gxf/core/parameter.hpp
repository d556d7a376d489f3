// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "gxf/core/expected.hpp"
#include "gxf/core/parameter_parser.hpp"
#include "gxf/core/yaml_node.hpp"

namespace nvidia {
namespace gxf {

enum ParameterFlags : uint32_t {
  kParameterFlagsNone = 0,
  kParameterFlagsOptional = 1,  // may stay unset without failing activation
  kParameterFlagsDynamic = 2,   // may change while the graph runs
};

// The component type a handle parameter points to, through vectors and arrays; void for
// parameters that hold no handle. The registry reports it so tools know what a handle accepts.
template <typename T>
struct HandleTarget {
  static const std::type_info& type() { return typeid(void); }
};
template <typename T>
struct HandleTarget<Handle<T>> {
  static const std::type_info& type() { return typeid(T); }
};
template <typename T>
struct HandleTarget<std::vector<T>> : HandleTarget<T> {};
template <typename T, size_t N>
struct HandleTarget<std::array<T, N>> : HandleTarget<T> {};

// Type-erased view of a component parameter: the registry's single source of truth for
// key, type, default and description.
class ParameterBase {
 public:
  virtual ~ParameterBase() = default;

  const std::string& key() const { return key_; }
  const std::string& headline() const { return headline_; }
  const std::string& description() const { return description_; }
  uint32_t flags() const { return flags_; }
  bool is_optional() const { return (flags_ & kParameterFlagsOptional) != 0; }
  bool is_set() const { return is_set_; }
  bool has_default() const { return has_default_; }
  const std::string& default_text() const { return default_text_; }

  virtual Result set_from_yaml(const YamlNode& node, const ParseContext& context) = 0;
  virtual std::string type_name() const = 0;
  virtual bool is_handle() const = 0;
  virtual const std::type_info& handle_target() const = 0;
  // The current value written as YAML (handles as entity/component); empty when unset.
  virtual std::string to_yaml() const = 0;
  // The values a numeric parameter accepts, "lo..hi" (both included); empty: any value of
  // its type. Declared by Registrar::range.
  virtual std::string range_text() const { return {}; }
  // Whether the value is in the declared range; the error names the parameter, the value and
  // the range, and carries the code the range was declared with. Checked at activation.
  virtual Result check_range() const { return Result(); }

 protected:
  friend class Registrar;
  std::string key_;
  std::string headline_;
  std::string description_;
  std::string default_text_;
  uint32_t flags_ = kParameterFlagsNone;
  bool is_set_ = false;
  bool has_default_ = false;
};

// A numeric value as a range message writes it.
template <typename T>
std::string range_value_text(T value) {
  if constexpr (std::is_floating_point_v<T>) {
    char text[32];
    std::snprintf(text, sizeof(text), "%.15g", static_cast<double>(value));
    return text;
  } else {
    return std::to_string(value);
  }
}

template <typename T>
class Parameter : public ParameterBase {
  static constexpr bool kNumeric = std::is_arithmetic_v<T> && !std::is_same_v<T, bool>;
  using Range = std::conditional_t<kNumeric, std::pair<T, T>, std::pair<int, int>>;

 public:
  const T& get() const { return value_; }
  operator const T&() const { return value_; }
  std::optional<T> try_get() const {
    if (!is_set_) return std::nullopt;
    return value_;
  }
  template <typename U = T>
  auto operator->() const -> decltype(std::declval<const U&>().operator->()) {
    return value_.operator->();
  }
  void set(T value) {
    value_ = std::move(value);
    is_set_ = true;
  }
  void set_default(T value) {
    value_ = std::move(value);
    is_set_ = true;
    has_default_ = true;
    default_text_ = ParameterTraits<T>::to_yaml(value_);
  }

  Result set_from_yaml(const YamlNode& node, const ParseContext& context) override {
    if (ParameterTraits<T>::kIsHandle && node.is_scalar() && node.scalar == "<Unspecified>") {
      is_set_ = has_default_;
      return Result();
    }
    Expected<T> parsed = ParameterTraits<T>::parse(node, context);
    if (!parsed) return parsed.error();
    value_ = std::move(parsed.value());
    is_set_ = true;
    return Result();
  }
  std::string type_name() const override { return ParameterTraits<T>::name(); }
  bool is_handle() const override { return ParameterTraits<T>::kIsHandle; }
  const std::type_info& handle_target() const override { return HandleTarget<T>::type(); }
  std::string to_yaml() const override {
    return is_set_ ? ParameterTraits<T>::to_yaml(value_) : std::string();
  }

  // Accepted values, both ends included (numeric parameters only); failing values are
  // reported with `code`.
  void set_range(T lo, T hi, gxf_result_t code) {
    static_assert(kNumeric, "only numeric parameters have a range");
    range_ = Range(lo, hi);
    range_code_ = code;
  }
  std::string range_text() const override {
    if constexpr (kNumeric) {
      if (range_) return range_value_text(range_->first) + ".." + range_value_text(range_->second);
    }
    return {};
  }
  Result check_range() const override {
    if constexpr (kNumeric) {
      // NaN fails both comparisons, so it is rejected too.
      if (range_ && is_set_ && !(value_ >= range_->first && value_ <= range_->second)) {
        return make_error(range_code_, "parameter '" + key_ + "' must be in " + range_text() +
                                           ", got " + range_value_text(value_));
      }
    }
    return Result();
  }

 private:
  T value_{};
  std::optional<Range> range_;
  gxf_result_t range_code_ = GXF_PARAMETER_OUT_OF_RANGE;
};

}  // namespace gxf
}  // namespace nvidia
