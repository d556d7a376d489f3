// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "gxf/core/context.hpp"

namespace nvidia {
namespace gxf {

// A Python exception raised by user code on a scheduler thread, kept for the thread that
// calls graph_wait. The exception object is released with the GIL held.
struct PythonFailure {
  pybind11::object exception;
  std::string where;  // "entity 'rx', component 'codelet' (nvidia::gxf::PyCodeletV0) in tick()"
  std::string traceback;
};

// Records the exception currently being handled (call inside a catch with the GIL held).
void store_python_failure(Context* context, pybind11::error_already_set& error,
                          const std::string& where);
// If the run failed because of a stored Python exception, raises it wrapped with the GXF code.
// With `even_on_success`, a stored exception raises although the call itself succeeded: a
// codelet's stop() raising during deactivation must not pass silently.
void raise_python_failure(Context* context, const Result& result, bool even_on_success = false);

}  // namespace gxf
}  // namespace nvidia
