// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "gxf/core/result.hpp"

namespace nvidia {
namespace gxf {

// A failure with its code, a human message and the context gathered while it bubbled up
// (outermost last: "parameter 'capacity'", "component 'rx'", "entity 'ping'", "graph.yaml:14").
// Built only on failure paths; hot paths return bare gxf_result_t codes.
struct Error {
  gxf_result_t code = GXF_FAILURE;
  std::string message;
  std::vector<std::string> context;

  Error() = default;
  Error(gxf_result_t c, std::string m = {}) : code(c), message(std::move(m)) {}

  Error& with_context(std::string what) {
    context.push_back(std::move(what));
    return *this;
  }
  // "GXF_CODE: context...: message" (innermost context first).
  std::string what() const;
};

struct Unexpected {
  Error error;
};

inline Unexpected make_error(gxf_result_t code, std::string message = {}) {
  return Unexpected{Error(code, std::move(message))};
}

template <typename T>
class Expected {
 public:
  Expected(T value) : storage_(std::in_place_index<0>, std::move(value)) {}
  Expected(Unexpected unexpected) : storage_(std::in_place_index<1>, std::move(unexpected.error)) {}
  Expected(Error error) : storage_(std::in_place_index<1>, std::move(error)) {}

  bool has_value() const { return storage_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() { return std::get<0>(storage_); }
  const T& value() const { return std::get<0>(storage_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  Error& error() { return std::get<1>(storage_); }
  const Error& error() const { return std::get<1>(storage_); }

 private:
  std::variant<T, Error> storage_;
};

template <>
class Expected<void> {
 public:
  Expected() = default;
  Expected(Unexpected unexpected) : ok_(false), error_(std::move(unexpected.error)) {}
  Expected(Error error) : ok_(false), error_(std::move(error)) {}

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  Error& error() { return error_; }
  const Error& error() const { return error_; }

 private:
  bool ok_ = true;
  Error error_;
};

using Result = Expected<void>;

}  // namespace gxf
}  // namespace nvidia
