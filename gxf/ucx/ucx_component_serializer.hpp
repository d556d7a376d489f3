// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/serialization/std_component_serializer.hpp"

namespace nvidia {
namespace gxf {

// GXF's UCX formats of Tensor and Timestamp: a timestamp as two int64 (pubtime, acqtime); a
// tensor as its 116-byte header, with its memory added to the message's data by reference
// (no copy: UCX sends from it, and receives straight into a tensor allocated from
// `allocator` in the storage type the header names). Needs a UcxSerializationBuffer.
// Supports what StdComponentSerializer supports, with the same `allocator` parameter.
class UcxComponentSerializer : public StdComponentSerializer {
 public:
  Expected<size_t> serialize_component(const Component& component, Endpoint* endpoint) override;
  Result deserialize_component(Component* component, Endpoint* endpoint) override;
};

}  // namespace gxf
}  // namespace nvidia
