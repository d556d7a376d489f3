// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/serialization/std_entity_serializer.hpp"

namespace nvidia {
namespace gxf {

// GXF's UCX message format: the entity and component headers of StdEntitySerializer in UCX's
// layout (an entity header of size, sequence number and component count; a component header
// of size, type id and the name in a 256-byte field, the name again after it), written into a
// UcxSerializationBuffer whose sequence numbers it uses. Component data is whatever the
// component serializers write (UcxComponentSerializer: tensor memory by reference).
class UcxEntitySerializer : public StdEntitySerializer {
 public:
  static constexpr size_t kNameField = 256;
#pragma pack(push, 1)
  struct UcxEntityHeader {
    uint64_t serialized_size;
    uint64_t sequence_number;
    uint64_t component_count;
  };
  struct UcxComponentHeader {
    uint64_t serialized_size;
    gxf_tid_t tid;
    char name[kNameField];
  };
#pragma pack(pop)

 protected:
  Expected<size_t> write_entity_header(uint64_t component_count, Endpoint* endpoint) override;
  Expected<uint64_t> read_entity_header(Endpoint* endpoint) override;
  Expected<size_t> write_component_header(const Component& component,
                                          Endpoint* endpoint) override;
  Result read_component_header(Endpoint* endpoint, gxf_tid_t* tid) override;
  uint64_t component_header_size() const override { return sizeof(UcxComponentHeader); }
};

}  // namespace gxf
}  // namespace nvidia
