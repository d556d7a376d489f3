// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/handle.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/serialization/component_serializer.hpp"
#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {

// GXF's UCX formats of Tensor and Timestamp: a timestamp as two int64 (pubtime, acqtime); a
// tensor as its 116-byte header, with its memory added to the message's data by reference
// (no copy: UCX sends from it, and receives straight into a tensor allocated from
// `allocator` in the storage type the header names). Needs a UcxSerializationBuffer.
class UcxComponentSerializer : public ComponentSerializer {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;

  bool is_supported(const gxf_tid_t& tid) const override;
  Expected<size_t> serialize_component(const Component& component, Endpoint* endpoint) override;
  Result deserialize_component(Component* component, Endpoint* endpoint) override;

 private:
  Parameter<Handle<Allocator>> allocator_;
  gxf_tid_t tensor_tid_{};
  gxf_tid_t timestamp_tid_{};
};

}  // namespace gxf
}  // namespace nvidia
