// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/bindings/message_entity.hpp"

#include <pybind11/stl.h>

#include <string>
#include <vector>

#include <pybind11/stl.h>  // component_names() returns a std::vector

#include "gxf/core/context.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

void bind_message_entity(py::module_& m) {
  py::class_<PyMessageEntity>(m, "MessageEntity",
                              "A message: an unnamed, reference-counted entity of components.")
      .def(py::init([](uint64_t context) {
             return PyMessageEntity{context_from_handle(context)->create_message()};
           }),
           py::arg("context"), "Create a new, empty message entity.")
      .def("eid",
           [](const PyMessageEntity& message) -> int64_t {
             if (!message.ref) return 0;
             message.ref->context()->register_message(message.ref.get());
             return message.ref.eid();
           },
           "The message's entity id (0 for an empty receive).")
      .def("__bool__", [](const PyMessageEntity& message) { return static_cast<bool>(message.ref); })
      .def("context", [](const PyMessageEntity& message) -> uint64_t {
             return handle_of(message_of(message)->context());
           }, "Handle of the context the message belongs to.")
      .def("component_names", [](const PyMessageEntity& message) {
             std::vector<std::string> names;
             for (const auto& component : message_of(message)->components()) {
               names.push_back(component->name());
             }
             return names;
           }, "Names of the message's components, in order.")
      .def("__repr__", [](const PyMessageEntity& message) {
        return message.ref ? "<MessageEntity eid=" + std::to_string(message.ref.eid()) + ">"
                           : std::string("<MessageEntity empty>");
      });
}

}  // namespace gxf
}  // namespace nvidia
