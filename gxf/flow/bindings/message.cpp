// SPDX-License-Identifier: Apache-2.0
// How a Flow stage puts a Buffer on a message and takes it off again: the Buffer itself as
// PyData, its BatchMeta as a BatchMetaComponent that C++ components read and write; the end of
// a stream is a message carrying an EndOfStream (gxf/std), which native stages forward as any
// message. One call each way, because every hop of every buffer pays for them.
#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "gxf/core/bindings/errors.hpp"
#include "gxf/core/bindings/message_entity.hpp"
#include "gxf/core/context.hpp"
#include "gxf/flow/batch_meta_component.hpp"
#include "gxf/python_codelet/py_data.hpp"
#include "gxf/std/end_of_stream.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

template <typename T>
T* add_component(Entity* message, const char* type_name, const char* library) {
  T* component = message->context()->add_message_component<T>(message, std::string());
  if (!component) {
    throw_code(GXF_FACTORY_UNKNOWN_CLASS_NAME, std::string(type_name) +
                                                   " is not registered: load " + library);
  }
  return component;
}

}  // namespace

void bind_message(py::module_& m) {
  m.def(
      "add_buffer",
      [](const PyMessageEntity& message, py::object buffer,
         std::shared_ptr<flow::BatchMeta> batch_meta) {
        Entity* entity = message_of(message);
        add_component<PyData>(entity, "nvidia::gxf::PyData", "libgxf_python_codelet.so")
            ->set(std::move(buffer));
        if (batch_meta) {
          add_component<flow::BatchMetaComponent>(entity, "nvidia::gxf::flow::BatchMetaComponent",
                                                  "libgxf_flow.so")
              ->set_batch_meta(std::move(batch_meta));
        }
      },
      py::arg("message"), py::arg("buffer"), py::arg("batch_meta"),
      "Put `buffer` (by reference) and its BatchMeta (may be None) on `message`.");
  m.def(
      "take_item",
      [](const PyMessageEntity& message) -> py::object {
        Entity* entity = message_of(message);
        if (auto* data = entity->find<PyData>()) return data->get();
        if (auto* eos = entity->find<EndOfStream>()) {
          return py::module_::import("gxf.std").attr("EndOfStream")(eos->stream_id());
        }
        throw py::value_error(
            "a message on a Flow stream carries neither a Buffer (PyData) nor an EndOfStream");
      },
      py::arg("message"), "The Buffer `message` carries, or its gxf.std.EndOfStream.");
  m.def(
      "batch_meta_of",
      [](const PyMessageEntity& message) -> std::shared_ptr<flow::BatchMeta> {
        auto* component = message_of(message)->find<flow::BatchMetaComponent>();
        return component ? component->batch_meta() : nullptr;
      },
      py::arg("message"), "The BatchMeta `message` carries, or None.");
}

}  // namespace gxf
}  // namespace nvidia
