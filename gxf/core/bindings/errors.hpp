// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <utility>

#include "gxf/core/expected.hpp"

namespace nvidia {
namespace gxf {

// Carries an Error to the translator registered in errors.cpp, which raises the matching
// gxf.core.errors class (a ValueError subclass whose text starts with the GXF code name).
struct GxfException {
  Error error;
};

inline void throw_if_error(const Result& result) {
  if (!result) throw GxfException{result.error()};
}

template <typename T>
T value_or_throw(Expected<T> expected) {
  if (!expected) throw GxfException{expected.error()};
  return std::move(expected.value());
}

inline void throw_code(gxf_result_t code, const std::string& message = {}) {
  if (code != GXF_SUCCESS) throw GxfException{Error(code, message)};
}

void bind_errors(pybind11::module_& m);

}  // namespace gxf
}  // namespace nvidia
