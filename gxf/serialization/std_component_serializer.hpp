// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/core/handle.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/serialization/component_serializer.hpp"
#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {

class Tensor;
class Timestamp;

// GXF's data formats of Timestamp (pubtime, acqtime: two int64) and Tensor (a packed header of
// storage type, element type, bytes per element, rank, 8 dimensions and 8 strides, then the
// elements). Device tensors travel through host memory; deserialized tensors come from
// `allocator` in the storage type the header names.
class StdComponentSerializer : public ComponentSerializer {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;

  bool is_supported(const gxf_tid_t& tid) const override;
  Expected<size_t> serialize_component(const Component& component, Endpoint* endpoint) override;
  Result deserialize_component(Component* component, Endpoint* endpoint) override;

  // The formats, for serializers of other transports (UCX) that reuse them.
  static Expected<size_t> serialize_timestamp(const Timestamp& timestamp, Endpoint* endpoint);
  static Result deserialize_timestamp(Timestamp* timestamp, Endpoint* endpoint);

 protected:  // UcxComponentSerializer shares the parameter and the supported types
  Parameter<Handle<Allocator>> allocator_;
  gxf_tid_t tensor_tid_{};
  gxf_tid_t timestamp_tid_{};

 private:
  Expected<size_t> serialize_tensor(const Tensor& tensor, Endpoint* endpoint);
  Result deserialize_tensor(Tensor* tensor, Endpoint* endpoint);

  // Host copy of device or strided tensors, kept between messages.
  std::vector<uint8_t> staging_;
};

}  // namespace gxf
}  // namespace nvidia
