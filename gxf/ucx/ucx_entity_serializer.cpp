// SPDX-License-Identifier: Apache-2.0
#include "gxf/ucx/ucx_entity_serializer.hpp"

#include <cstring>
#include <string>

#include "gxf/core/type_registry.hpp"
#include "gxf/ucx/ucx_serialization_buffer.hpp"

namespace nvidia {
namespace gxf {

namespace {

Expected<UcxSerializationBuffer*> ucx_buffer(Endpoint* endpoint) {
  auto* buffer = dynamic_cast<UcxSerializationBuffer*>(endpoint);
  if (!buffer) {
    return make_error(GXF_ARGUMENT_INVALID,
                      "UcxEntitySerializer needs a UcxSerializationBuffer as its endpoint");
  }
  return buffer;
}

}  // namespace

Expected<size_t> UcxEntitySerializer::write_entity_header(uint64_t component_count,
                                                          Endpoint* endpoint) {
  auto buffer = ucx_buffer(endpoint);
  if (!buffer) return buffer.error();
  const UcxEntityHeader header{0, buffer.value()->sequence_number++, component_count};
  return endpoint->write_trivial(header);
}

Expected<uint64_t> UcxEntitySerializer::read_entity_header(Endpoint* endpoint) {
  auto buffer = ucx_buffer(endpoint);
  if (!buffer) return buffer.error();
  UcxEntityHeader header;
  auto read = endpoint->read_trivial(&header);
  if (!read) return read.error();
  check_sequence(header.sequence_number, &buffer.value()->sequence_number);
  return header.component_count;
}

Expected<size_t> UcxEntitySerializer::write_component_header(const Component& component,
                                                             Endpoint* endpoint) {
  const std::string& name = component.name();
  if (name.size() >= kNameField) {
    return make_error(GXF_ARGUMENT_INVALID, "component name '" + name + "' is longer than " +
                                                std::to_string(kNameField - 1) +
                                                " bytes, the most UCX's header holds");
  }
  UcxComponentHeader header{};
  header.tid = component.type()->tid;
  std::memcpy(header.name, name.data(), name.size());
  auto written = endpoint->write_trivial(header);
  if (written) written = endpoint->write(name.data(), name.size());
  if (!written) return written.error();
  return sizeof(header) + name.size();
}

Result UcxEntitySerializer::read_component_header(Endpoint* endpoint, gxf_tid_t* tid) {
  UcxComponentHeader header;
  auto read = endpoint->read_trivial(&header);
  if (!read) return read.error();
  size_t length = strnlen(header.name, kNameField);
  if (length == kNameField) {
    return make_error(GXF_INVALID_DATA_FORMAT, "component name is not terminated");
  }
  name_.assign(length, '\0');
  auto name = endpoint->read(name_.data(), name_.size());  // the copy after the header
  if (!name) return name.error().with_context("component name");
  // GXF copies the name into an uninitialized header without its terminator, so the field
  // may go on with the tail of an earlier, longer name ("index" then "s" of "values"), and it
  // writes that many bytes of the name proper after it: "index", its terminator, and what
  // follows in memory. The name ends at the first terminator.
  const size_t terminator = name_.find('\0');
  if (terminator != std::string::npos) name_.resize(terminator);
  *tid = header.tid;
  return Result();
}

}  // namespace gxf
}  // namespace nvidia
