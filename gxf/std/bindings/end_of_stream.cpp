// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include <string>

#include "gxf/core/bindings/message_entity.hpp"
#include "gxf/core/context.hpp"
#include "gxf/std/end_of_stream.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

// What Python sees of a message's EndOfStream: its stream id, by value (the message may be
// freed and its component reused while Python still holds this).
struct PyEndOfStream {
  int64_t stream_id = -1;
};

}  // namespace

void bind_end_of_stream(py::module_& m) {
  py::class_<PyEndOfStream>(m, "EndOfStream",
                            "End of a stream: what a message carrying an EndOfStream says.")
      .def(py::init([](int64_t stream_id) { return PyEndOfStream{stream_id}; }),
           py::arg("stream_id") = -1)
      .def_readwrite("stream_id", &PyEndOfStream::stream_id,
                     "Id of the stream that ended (-1: the graph's input as a whole).")
      .def("__eq__", [](const PyEndOfStream& self, const py::object& other) {
        return py::isinstance<PyEndOfStream>(other) &&
               other.cast<const PyEndOfStream&>().stream_id == self.stream_id;
      })
      .def("__hash__", [](const PyEndOfStream& self) { return py::hash(py::int_(self.stream_id)); })
      .def("__repr__", [](const PyEndOfStream& self) {
        return "EndOfStream(stream_id=" + std::to_string(self.stream_id) + ")";
      })
      .def_static(
          "add_to_entity",
          [](const PyMessageEntity& message, int64_t stream_id) {
            Entity* entity = message_of(message);
            auto* eos = entity->context()->add_message_component<EndOfStream>(entity, "");
            if (!eos) throw_code(GXF_FACTORY_UNKNOWN_CLASS_NAME, "EndOfStream is not registered");
            eos->stream_id(stream_id);
          },
          py::arg("message"), py::arg("stream_id") = -1,
          "Make `message` say that stream `stream_id` ended.")
      .def_static(
          "get_from_entity",
          [](const PyMessageEntity& message) -> py::object {
            auto* eos = message_of(message)->find<EndOfStream>();
            if (!eos) return py::none();
            return py::cast(PyEndOfStream{eos->stream_id()});
          },
          py::arg("message"), "The EndOfStream `message` carries, or None.");
}

}  // namespace gxf
}  // namespace nvidia
