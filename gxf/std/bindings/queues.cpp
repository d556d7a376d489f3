// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include "gxf/core/bindings/message_entity.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

void bind_queues(py::module_& m) {
  py::class_<Transmitter, std::unique_ptr<Transmitter, py::nodelete>>(
      m, "Transmitter", "Outbox of an entity; messages published in a tick leave when it ends.")
      .def_static("get",
                  [](uint64_t context, int64_t cid, const std::string& name) {
                    return lookup_component<Transmitter>(context, cid, name, "transmitter");
                  },
                  py::return_value_policy::reference, py::arg("context"), py::arg("cid"),
                  py::arg("name"), "The transmitter named `name` next to component `cid`.")
      .def("publish",
           [](Transmitter& self, const PyMessageEntity& message, py::object acq_timestamp) {
             int64_t acq = acq_timestamp.is_none() ? 0 : acq_timestamp.cast<int64_t>();
             return std::string(result_str(self.publish(message.ref, acq)));
           },
           py::arg("message"), py::arg("acq_timestamp") = py::none(),
           "Publish a message (adds Timestamp 'timestamp'); returns the result code name.")
      .def("sync", [](Transmitter& self) { return std::string(result_str(self.sync())); },
           "Move the back stage to the main stage.")
      .def("size", &Transmitter::size, "Messages in the main stage.")
      .def("back_size", &Transmitter::back_size, "Messages in the back stage.")
      .def("capacity", &Transmitter::capacity, "Capacity of each stage.")
      .def("room", &Transmitter::room,
           "Messages a tick may still publish with none refused or dropped (this outbox and "
           "every receiver it feeds).")
      .def("cid", &Transmitter::cid, "Component id.")
      .def("name", &Transmitter::name, "Component name.");

  py::class_<Receiver, std::unique_ptr<Receiver, py::nodelete>>(
      m, "Receiver", "Inbox of an entity; messages become receivable at the start of a tick.")
      .def_static("get",
                  [](uint64_t context, int64_t cid, const std::string& name) {
                    return lookup_component<Receiver>(context, cid, name, "receiver");
                  },
                  py::return_value_policy::reference, py::arg("context"), py::arg("cid"),
                  py::arg("name"), "The receiver named `name` next to component `cid`.")
      .def("receive", [](Receiver& self) { return PyMessageEntity{self.receive()}; },
           "Take the next message; an empty (falsy) MessageEntity when there is none.")
      .def("sync", [](Receiver& self) { return std::string(result_str(self.sync())); },
           "Move the back stage to the main stage.")
      .def("size", &Receiver::size, "Messages in the main stage.")
      .def("back_size", &Receiver::back_size, "Messages in the back stage.")
      .def("capacity", &Receiver::capacity, "Capacity of each stage.")
      .def("cid", &Receiver::cid, "Component id.")
      .def("name", &Receiver::name, "Component name.");
}

}  // namespace gxf
}  // namespace nvidia
