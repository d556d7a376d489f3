// SPDX-License-Identifier: Apache-2.0
// How a Flow stage puts a Buffer on a message and takes it off again: the Buffer itself as
// PyData, its BatchMeta as a BatchMetaComponent that C++ components read and write; the end of
// a stream is a message carrying an EndOfStream (gxf/std), which native stages forward as any
// message. One call each way, because every hop of every buffer pays for them.
#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "gxf/core/bindings/context_handle.hpp"
#include "gxf/core/bindings/errors.hpp"
#include "gxf/core/bindings/message_entity.hpp"
#include "gxf/core/context.hpp"
#include "gxf/flow/batch_meta_component.hpp"
#include "gxf/python_codelet/py_data.hpp"
#include "gxf/std/end_of_stream.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

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

void add_buffer_components(Entity* message, py::object buffer,
                           std::shared_ptr<flow::BatchMeta> batch_meta) {
  add_component<PyData>(message, "nvidia::gxf::PyData", "libgxf_python_codelet.so")
      ->set(std::move(buffer));
  if (batch_meta) {
    add_component<flow::BatchMetaComponent>(message, "nvidia::gxf::flow::BatchMetaComponent",
                                            "libgxf_flow.so")
        ->set_batch_meta(std::move(batch_meta));
  }
}

py::object item_of(Entity* entity) {
  if (auto* data = entity->find<PyData>()) return data->get();
  if (auto* eos = entity->find<EndOfStream>()) {
    return py::module_::import("gxf.std").attr("EndOfStream")(eos->stream_id());
  }
  throw py::value_error(
      "a message on a Flow stream carries neither a Buffer (PyData) nor an EndOfStream");
}

}  // namespace

void bind_message(py::module_& m) {
  m.def(
      "add_buffer",
      [](const PyMessageEntity& message, py::object buffer,
         std::shared_ptr<flow::BatchMeta> batch_meta) {
        add_buffer_components(message_of(message), std::move(buffer), std::move(batch_meta));
      },
      py::arg("message"), py::arg("buffer"), py::arg("batch_meta"),
      "Put `buffer` (by reference) and its BatchMeta (may be None) on `message`.");
  m.def(
      "take_item",
      [](const PyMessageEntity& message) { return item_of(message_of(message)); },
      py::arg("message"), "The Buffer `message` carries, or its gxf.std.EndOfStream.");
  // The stages' hot path: message, components and publish (with its Timestamp, as
  // Transmitter.publish adds) in one call, no Python MessageEntity in between.
  m.def(
      "publish_buffer",
      [](Transmitter& transmitter, uint64_t context, py::object buffer,
         std::shared_ptr<flow::BatchMeta> batch_meta) {
        EntityRef message = context_from_handle(context)->create_message();
        add_buffer_components(message.get(), std::move(buffer), std::move(batch_meta));
        gxf_result_t code = transmitter.publish(message, 0);
        if (code != GXF_SUCCESS) {
          throw_code(code, "publishing a buffer on '" + transmitter.name() + "'");
        }
      },
      py::arg("transmitter"), py::arg("context"), py::arg("buffer"), py::arg("batch_meta"),
      "Publish `buffer` and its BatchMeta (may be None) on `transmitter` in a new message.");
  m.def(
      "receive_item",
      [](Receiver& receiver) -> py::object {
        EntityRef message = receiver.receive();
        if (!message) return py::none();
        return item_of(message.get());
      },
      py::arg("receiver"),
      "The Buffer or gxf.std.EndOfStream of the next message of `receiver` (None: empty).");
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
