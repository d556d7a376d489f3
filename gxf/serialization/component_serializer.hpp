// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/component.hpp"
#include "gxf/core/expected.hpp"
#include "gxf/core/result.hpp"
#include "gxf/serialization/endpoint.hpp"

namespace nvidia {
namespace gxf {

// Turns components of the types it supports into bytes on an endpoint and back. An entity
// serializer asks each of its component serializers in turn which types they support.
class ComponentSerializer : public Component {
 public:
  virtual bool is_supported(const gxf_tid_t& tid) const = 0;
  // Writes `component`'s data; returns the bytes written.
  virtual Expected<size_t> serialize_component(const Component& component,
                                               Endpoint* endpoint) = 0;
  // Reads data written by serialize_component into `component`, a fresh component of the
  // same type.
  virtual Result deserialize_component(Component* component, Endpoint* endpoint) = 0;
};

}  // namespace gxf
}  // namespace nvidia
