// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include "gxf/core/context.hpp"
#include "gxf/core/bindings/message_entity.hpp"
#include "gxf/std/timestamp.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

Timestamp* find_timestamp(Entity* message, const py::object& name) {
  return name.is_none() ? message->find<Timestamp>() : message->find<Timestamp>(name.cast<std::string>());
}

}  // namespace

void bind_timestamp(py::module_& m) {
  py::class_<Timestamp, std::unique_ptr<Timestamp, py::nodelete>>(
      m, "Timestamp", "Message component: acquisition and publication times in ns.")
      .def_readwrite("acqtime", &Timestamp::acqtime)
      .def_readwrite("pubtime", &Timestamp::pubtime)
      .def_static("add_to_entity",
                  [](const PyMessageEntity& message, int64_t acqtime, int64_t pubtime,
                     py::object name) {
                    Entity* entity = message_of(message);
                    std::string component = name.is_none() ? std::string() : name.cast<std::string>();
                    Timestamp* timestamp =
                        entity->context()->add_message_component<Timestamp>(entity, component);
                    if (!timestamp) throw_code(GXF_FACTORY_UNKNOWN_CLASS_NAME, "Timestamp is not registered");
                    timestamp->acqtime = acqtime;
                    timestamp->pubtime = pubtime;
                    return timestamp;
                  },
                  py::return_value_policy::reference, py::arg("message"), py::arg("acqtime"),
                  py::arg("pubtime"), py::arg("name") = py::none(),
                  "Add a Timestamp to a message.")
      .def_static("get_from_entity",
                  [](const PyMessageEntity& message, py::object name) {
                    Timestamp* timestamp = find_timestamp(message_of(message), name);
                    if (!timestamp) throw py::value_error("GXF_ENTITY_COMPONENT_NOT_FOUND: no Timestamp in the message");
                    return py::make_tuple(timestamp->acqtime, timestamp->pubtime);
                  },
                  py::arg("message"), py::arg("name") = py::none(),
                  "(acqtime, pubtime) of a message's Timestamp.")
      .def_static("find_from_entity",
                  [](const PyMessageEntity& message, py::object name) -> py::object {
                    Timestamp* timestamp = find_timestamp(message_of(message), name);
                    if (!timestamp) return py::none();
                    return py::make_tuple(timestamp->acqtime, timestamp->pubtime);
                  },
                  py::arg("message"), py::arg("name") = py::none(),
                  "(acqtime, pubtime) of a message's Timestamp, or None where it has none "
                  "(get_from_entity without the exception: 5 us less per message).");
  m.def("as_timestamp",
        [](uint64_t context, int64_t eid, py::object name) {
          Entity* entity = context_from_handle(context)->entity(eid);
          if (!entity) throw py::value_error("GXF_ENTITY_NOT_FOUND: no entity with eid " + std::to_string(eid));
          Timestamp* timestamp = find_timestamp(entity, name);
          if (!timestamp) throw py::value_error("GXF_ENTITY_COMPONENT_NOT_FOUND: no Timestamp");
          return py::make_tuple(timestamp->acqtime, timestamp->pubtime);
        },
        py::arg("context"), py::arg("eid"), py::arg("name") = py::none(),
        "(acqtime, pubtime) of the Timestamp of entity `eid`.");
}

}  // namespace gxf
}  // namespace nvidia
