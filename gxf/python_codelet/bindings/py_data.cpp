// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include <string>

#include "gxf/core/context.hpp"
#include "gxf/python_codelet/py_data.hpp"
#include "gxf/core/bindings/message_entity.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

void bind_py_data(py::module_& m) {
  py::class_<PyData, std::unique_ptr<PyData, py::nodelete>>(
      m, "PyData", "Message component carrying a Python object by reference.")
      .def_static(
          "add_to_entity",
          [](const PyMessageEntity& message, py::object object, py::object name) {
            Entity* entity = message_of(message);
            std::string component = name.is_none() ? std::string() : name.cast<std::string>();
            PyData* data = entity->context()->add_message_component<PyData>(entity, component);
            if (!data) {
              throw_code(GXF_FACTORY_UNKNOWN_CLASS_NAME,
                         "nvidia::gxf::PyData is not registered: load the python_codelet "
                         "extension (libgxf_python_codelet.so)");
            }
            data->set(std::move(object));
          },
          py::arg("message"), py::arg("data"), py::arg("name") = py::none(),
          "Attach a Python object to a message (the object itself, not a copy).")
      .def_static(
          "get_from_entity",
          [](const PyMessageEntity& message, py::object name) -> py::object {
            Entity* entity = message_of(message);
            PyData* data = name.is_none() ? entity->find<PyData>()
                                          : entity->find<PyData>(name.cast<std::string>());
            if (!data) {
              throw py::value_error("GXF_ENTITY_COMPONENT_NOT_FOUND: no PyData" +
                                    (name.is_none() ? std::string()
                                                    : " named '" + name.cast<std::string>() + "'") +
                                    " in the message");
            }
            return data->get();
          },
          py::arg("message"), py::arg("name") = py::none(),
          "The Python object a message carries.");
}

}  // namespace gxf
}  // namespace nvidia
