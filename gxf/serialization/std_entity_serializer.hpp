// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "gxf/core/handle.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/serialization/component_serializer.hpp"
#include "gxf/serialization/entity_serializer.hpp"

namespace nvidia {
namespace gxf {

// GXF's entity format: an entity header (serialized size, checksum, sequence number, flags,
// component count, reserved; the size and checksum are written as 0, as GXF writes them), then
// per component a header (size, type id, name length), the name and the data its component
// serializer writes. Components no serializer supports are left out, with a warning per type.
class StdEntitySerializer : public EntitySerializer {
 public:
#pragma pack(push, 1)
  struct EntityHeader {
    uint64_t serialized_size;
    uint32_t checksum;
    uint64_t sequence_number;
    uint32_t flags;
    uint64_t component_count;
    uint64_t reserved;
  };
  struct ComponentHeader {
    uint64_t serialized_size;
    gxf_tid_t tid;
    uint64_t name_size;
  };
#pragma pack(pop)

  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;

  Expected<size_t> serialize_entity(const Entity& message, Endpoint* endpoint) override;
  Result deserialize_entity(Entity* message, Endpoint* endpoint) override;
  using EntitySerializer::deserialize_entity;

 protected:
  // The headers; a transport with its own header layout (UCX) overrides these four.
  virtual Expected<size_t> write_entity_header(uint64_t component_count, Endpoint* endpoint);
  // Returns the component count.
  virtual Expected<uint64_t> read_entity_header(Endpoint* endpoint);
  // Header and name of one component.
  virtual Expected<size_t> write_component_header(const Component& component, Endpoint* endpoint);
  // Fills `tid` and name_.
  virtual Result read_component_header(Endpoint* endpoint, gxf_tid_t* tid);
  virtual uint64_t component_header_size() const { return sizeof(ComponentHeader); }
  // Warns of a sequence number other than the expected one (lost or repeated messages).
  void check_sequence(uint64_t received, uint64_t* expected) const;

  std::string name_;  // the component name read last, reused for each component

 private:
  // The serializer for `tid`, null when none supports it; cached per type.
  ComponentSerializer* find_serializer(const gxf_tid_t& tid);
  Result deserialize_component(Entity* message, Endpoint* endpoint);

  Parameter<std::vector<Handle<ComponentSerializer>>> component_serializers_;
  Parameter<bool> verbose_warning_;
  std::vector<std::pair<gxf_tid_t, ComponentSerializer*>> cache_;
  std::vector<const Component*> entries_;  // reused for each message
  uint64_t outgoing_sequence_number_ = 0;
  uint64_t incoming_sequence_number_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
