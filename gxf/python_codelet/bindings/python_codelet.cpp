// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include "gxf/core/bindings/context_handle.hpp"
#include "gxf/core/bindings/errors.hpp"
#include "gxf/core/codelet_call_gate.hpp"
#include "gxf/python_codelet/py_codelet.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

// What a CodeletAdapter sees of its PyCodeletV0 component.
struct PyCodeletBridge {
  PyCodeletV0* codelet;
};

}  // namespace

void bind_python_codelet(py::module_& m) {
  py::class_<PyCodeletBridge>(m, "PyCodeletBridge", "Link from a Python codelet to its component.")
      .def(py::init([](uintptr_t address) {
        return PyCodeletBridge{reinterpret_cast<PyCodeletV0*>(address)};
      }))
      .def("context", [](const PyCodeletBridge& self) { return handle_of(self.codelet->context()); })
      .def("eid", [](const PyCodeletBridge& self) { return self.codelet->eid(); })
      .def("cid", [](const PyCodeletBridge& self) { return self.codelet->cid(); })
      .def("name", [](const PyCodeletBridge& self) { return self.codelet->name(); })
      .def("get_execution_timestamp",
           [](const PyCodeletBridge& self) { return self.codelet->execution_timestamp(); })
      .def("get_execution_time", [](const PyCodeletBridge& self) { return self.codelet->execution_time(); })
      .def("get_delta_time", [](const PyCodeletBridge& self) { return self.codelet->delta_time(); })
      .def("get_execution_count",
           [](const PyCodeletBridge& self) { return self.codelet->execution_count(); })
      .def("is_first_tick", [](const PyCodeletBridge& self) { return self.codelet->is_first_tick(); })
      .def("get_params", [](const PyCodeletBridge& self) -> py::object {
        if (!self.codelet->has_codelet_params()) return py::none();
        return py::str(self.codelet->codelet_params());
      });
  m.def(
      "call_without_codelet_lock",
      [](const py::object& function, const py::args& args) {
        OutsideCodeletCallLock outside;
        return function(*args);
      },
      py::arg("function"),
      "Call function(*args) letting other Python codelets run meanwhile (it may block).");
  m.def("_codelet_lock_holds", [] { return CodeletCallGate::holds(); },
        "How many holds of the Python codelet call lock this thread has (0: none).");
}

}  // namespace gxf
}  // namespace nvidia
