// SPDX-License-Identifier: Apache-2.0
#include "gxf/ucx/ucx_component_serializer.hpp"

#include <string>

#include "gxf/serialization/std_component_serializer.hpp"
#include "gxf/serialization/tensor_header.hpp"
#include "gxf/std/tensor.hpp"
#include "gxf/std/timestamp.hpp"
#include "gxf/ucx/ucx_serialization_buffer.hpp"

namespace nvidia {
namespace gxf {

Expected<size_t> UcxComponentSerializer::serialize_component(const Component& component,
                                                             Endpoint* endpoint) {
  if (const auto* timestamp = dynamic_cast<const Timestamp*>(&component)) {
    return StdComponentSerializer::serialize_timestamp(*timestamp, endpoint);
  }
  const auto* tensor = dynamic_cast<const Tensor*>(&component);
  auto* buffer = dynamic_cast<UcxSerializationBuffer*>(endpoint);
  if (!tensor || !buffer) {
    return make_error(GXF_ARGUMENT_INVALID, "UcxComponentSerializer: component '" +
                                                component.name() + "' (" + component.type_name() +
                                                ") cannot go to this endpoint");
  }
  // The receiver takes element_count * bytes_per_element bytes as the elements in a row,
  // so only dense tensors can be sent from where they are.
  if (!tensor->is_contiguous()) {
    return make_error(GXF_ARGUMENT_INVALID,
                      "tensor '" + tensor->name() +
                          "' is strided; UCX sends tensors in place, so make it contiguous first");
  }
  const TensorHeader header = make_tensor_header(*tensor, tensor->strides());
  buffer->write_pointer(tensor->pointer(), tensor->element_count() * tensor->bytes_per_element(),
                        tensor->storage_type());
  return endpoint->write_trivial(header);
}

Result UcxComponentSerializer::deserialize_component(Component* component, Endpoint* endpoint) {
  if (auto* timestamp = dynamic_cast<Timestamp*>(component)) {
    return StdComponentSerializer::deserialize_timestamp(timestamp, endpoint);
  }
  auto* tensor = dynamic_cast<Tensor*>(component);
  auto* buffer = dynamic_cast<UcxSerializationBuffer*>(endpoint);
  if (!tensor || !buffer) {
    return make_error(GXF_ARGUMENT_INVALID, "UcxComponentSerializer: component '" +
                                                component->name() + "' (" +
                                                component->type_name() +
                                                ") cannot come from this endpoint");
  }
  TensorHeader header;
  auto read = endpoint->read_trivial(&header);
  if (!read) return read.error().with_context("tensor header");
  // The elements arrive as the message's data, after the headers.
  auto payload = reshape_from_header(header, tensor, allocator_.get().get(), buffer->data_left());
  if (!payload) return payload.error();
  buffer->write_pointer(tensor->pointer(), payload.value(), tensor->storage_type());
  return Result();
}

}  // namespace gxf
}  // namespace nvidia
