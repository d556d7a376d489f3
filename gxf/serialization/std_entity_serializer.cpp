// SPDX-License-Identifier: Apache-2.0
#include "gxf/serialization/std_entity_serializer.hpp"

#include <cinttypes>
#include <string>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

namespace {

// Longest component name accepted from the data: names are identifiers, so a longer one
// means the bytes are not an entity.
constexpr uint64_t kMaxNameSize = 4096;

std::string tid_text(const gxf_tid_t& tid) {
  char text[40];
  std::snprintf(text, sizeof(text), "%016" PRIx64 "%016" PRIx64, tid.hash1, tid.hash2);
  return text;
}

}  // namespace

gxf_result_t StdEntitySerializer::register_interface(Registrar* registrar) {
  registrar->parameter(component_serializers_, "component_serializers", "Component serializers",
                       "List of serializers for serializing and deserializing components");
  registrar->parameter(verbose_warning_, "verbose_warning", "Verbose Warning",
                       "Whether or to print verbose warning", true);
  return GXF_SUCCESS;
}

gxf_result_t StdEntitySerializer::initialize() {
  cache_.clear();
  outgoing_sequence_number_ = 0;
  incoming_sequence_number_ = 0;
  return GXF_SUCCESS;
}

ComponentSerializer* StdEntitySerializer::find_serializer(const gxf_tid_t& tid) {
  for (const auto& [known, serializer] : cache_) {
    if (known == tid) return serializer;
  }
  ComponentSerializer* found = nullptr;
  for (const auto& serializer : component_serializers_.get()) {
    if (serializer && serializer->is_supported(tid)) {
      found = serializer.get();
      break;
    }
  }
  cache_.emplace_back(tid, found);  // misses too: each type is looked up (and warned of) once
  if (!found && verbose_warning_.get()) {
    const TypeInfo* type = context()->registry().find(tid);
    GXF_LOG_WARNING("%s: no serializer for components of type %s (0x%s); they are left out",
                    describe().c_str(), type ? type->name.c_str() : "<unregistered>",
                    tid_text(tid).c_str());
  }
  return found;
}

Expected<size_t> StdEntitySerializer::write_entity_header(uint64_t component_count,
                                                          Endpoint* endpoint) {
  EntityHeader header{};
  header.sequence_number = outgoing_sequence_number_++;
  header.component_count = component_count;
  return endpoint->write_trivial(header);
}

void StdEntitySerializer::check_sequence(uint64_t received, uint64_t* expected) const {
  if (received != *expected && verbose_warning_.get()) {
    GXF_LOG_WARNING("%s: got message %" PRIu64 " but expected message %" PRIu64,
                    describe().c_str(), received, *expected);
  }
  *expected = received + 1;
}

Expected<uint64_t> StdEntitySerializer::read_entity_header(Endpoint* endpoint) {
  EntityHeader header;
  auto read = endpoint->read_trivial(&header);
  if (!read) return read.error();
  check_sequence(header.sequence_number, &incoming_sequence_number_);
  return header.component_count;
}

Expected<size_t> StdEntitySerializer::write_component_header(const Component& component,
                                                             Endpoint* endpoint) {
  const ComponentHeader header{0, component.type()->tid, component.name().size()};
  auto written = endpoint->write_trivial(header);
  if (written) written = endpoint->write(component.name().data(), component.name().size());
  if (!written) return written.error();
  return sizeof(header) + component.name().size();
}

Result StdEntitySerializer::read_component_header(Endpoint* endpoint, gxf_tid_t* tid) {
  ComponentHeader header;
  auto read = endpoint->read_trivial(&header);
  if (!read) return read.error();
  if (header.name_size > kMaxNameSize || header.name_size > endpoint->readable()) {
    return make_error(GXF_INVALID_DATA_FORMAT,
                      "name length " + std::to_string(header.name_size) + " is not plausible");
  }
  name_.assign(header.name_size, '\0');
  auto name = endpoint->read(name_.data(), name_.size());
  if (!name) return name.error().with_context("component name");
  *tid = header.tid;
  return Result();
}

Expected<size_t> StdEntitySerializer::serialize_entity(const Entity& message, Endpoint* endpoint) {
  entries_.clear();
  for (const auto& component : message.components()) {
    if (component->type() && find_serializer(component->type()->tid)) {
      entries_.push_back(component.get());
    }
  }
  auto written = write_entity_header(entries_.size(), endpoint);
  if (!written) return written.error().with_context("entity header");
  size_t size = written.value();
  for (const Component* component : entries_) {
    auto head = write_component_header(*component, endpoint);
    if (!head) return head.error().with_context("component '" + component->name() + "'");
    auto data = find_serializer(component->type()->tid)->serialize_component(*component, endpoint);
    if (!data) return data.error().with_context("component '" + component->name() + "'");
    size += head.value() + data.value();
  }
  return size;
}

Result StdEntitySerializer::deserialize_entity(Entity* message, Endpoint* endpoint) {
  auto count = read_entity_header(endpoint);
  if (!count) return count.error().with_context("entity header");
  const uint64_t component_count = count.value();
  if (component_count > endpoint->readable() / component_header_size()) {
    return make_error(GXF_INVALID_DATA_FORMAT,
                      "entity header: " + std::to_string(component_count) +
                          " components announced, more than the remaining " +
                          std::to_string(endpoint->readable()) + " bytes can hold");
  }
  for (uint64_t i = 0; i < component_count; ++i) {
    Result component = deserialize_component(message, endpoint);
    if (!component) {
      return component.error().with_context("component " + std::to_string(i + 1) + " of " +
                                            std::to_string(component_count));
    }
  }
  return Result();
}

Result StdEntitySerializer::deserialize_component(Entity* message, Endpoint* endpoint) {
  gxf_tid_t tid;
  Result header = read_component_header(endpoint, &tid);
  if (!header) return header.error().with_context("component header");
  ComponentSerializer* serializer = find_serializer(tid);
  const TypeInfo* type = context()->registry().find(tid);
  if (!serializer || !type) {
    return make_error(GXF_INVALID_DATA_FORMAT,
                      "component '" + name_ + "' has type " +
                          (type ? type->name : "0x" + tid_text(tid)) +
                          (type ? ", which none of the component serializers supports"
                                : ", which no loaded extension registers"));
  }
  auto component = context()->add_message_component(message, type, name_);
  if (!component) return component.error();
  Result data = serializer->deserialize_component(component.value(), endpoint);
  if (!data) return data.error().with_context("component '" + name_ + "' (" + type->name + ")");
  return Result();
}

}  // namespace gxf
}  // namespace nvidia
