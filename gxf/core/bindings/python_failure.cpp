// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/bindings/python_failure.hpp"

#include "gxf/core/bindings/errors.hpp"
#include "gxf/core/logger.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

void store_python_failure(Context* context, py::error_already_set& error,
                          const std::string& where) {
  auto* failure = new PythonFailure();
  failure->exception = error.value();
  failure->where = where;
  try {
    py::object format = py::module_::import("traceback").attr("format_exception");
    // An exception raised by a call from C++ (no Python frame ran) has no traceback.
    py::object trace = error.trace() ? py::reinterpret_borrow<py::object>(error.trace())
                                     : py::none();
    py::list lines = format(error.type(), error.value(), trace);
    for (const auto& line : lines) failure->traceback += line.cast<std::string>();
  } catch (py::error_already_set&) {
    failure->traceback = error.what();
  }
  GXF_LOG_ERROR("Python exception in %s:\n%s", where.c_str(), failure->traceback.c_str());
  std::shared_ptr<void> payload(failure, [](void* pointer) {
    py::gil_scoped_acquire acquire;
    delete static_cast<PythonFailure*>(pointer);
  });
  context->set_failure_payload(std::move(payload));
}

void raise_python_failure(Context* context, const Result& result, bool even_on_success) {
  if (result && !even_on_success) return;
  std::shared_ptr<void> payload = context->take_failure_payload();
  if (!payload) return;
  auto* failure = static_cast<PythonFailure*>(payload.get());
  gxf_result_t code = result ? GXF_FAILURE : result.error().code;
  py::module_::import("gxf.core.errors")
      .attr("_raise_codelet_failure")(result_str(code), failure->where, failure->traceback,
                                      failure->exception);
}

}  // namespace gxf
}  // namespace nvidia
