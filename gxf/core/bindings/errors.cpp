// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/bindings/errors.hpp"

#include <pybind11/stl.h>

namespace py = pybind11;

namespace nvidia {
namespace gxf {

void bind_errors(py::module_& m) {
  py::register_exception_translator([](std::exception_ptr pointer) {
    try {
      if (pointer) std::rethrow_exception(pointer);
    } catch (const GxfException& exception) {
      py::object raise_error = py::module_::import("gxf.core.errors").attr("_raise_from_core");
      // _raise_from_core raises; the translator's Python error is left set for pybind11.
      try {
        raise_error(result_str(exception.error.code), exception.error.what(),
                    exception.error.message, exception.error.context);
      } catch (py::error_already_set& python_error) {
        python_error.restore();
      }
    }
  });
  m.def("result_str", [](int code) { return result_str(static_cast<gxf_result_t>(code)); },
        "Name of a GXF result code.");
}

}  // namespace gxf
}  // namespace nvidia
