// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

#include "gxf/core/component.hpp"
#include "gxf/core/entity.hpp"

namespace nvidia {
namespace gxf {

// Common view of transmitters and receivers: stage sizes and the back-to-main sync.
class Queue : public Component {
 public:
  virtual size_t size() const = 0;
  virtual size_t back_size() const = 0;
  virtual size_t capacity() const = 0;
  virtual gxf_result_t sync() = 0;
};

}  // namespace gxf
}  // namespace nvidia
