// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>

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

  // Places left for messages: the capacity less both stages; negative when they hold more.
  // The back stage is read first: its owner may move it to the main stage between the two
  // reads, and read the other way round a full queue could look as if it had room (and the
  // message pushed then would be dropped). This way it can only look fuller.
  // Saturated at the int64 range: an unbounded queue says SIZE_MAX (GXF's mock queues).
  int64_t free_places() const {
    const size_t back = back_size();
    const size_t used = size() + back;
    const size_t capacity = this->capacity();
    constexpr size_t kMax = static_cast<size_t>(std::numeric_limits<int64_t>::max());
    if (used > capacity) return -static_cast<int64_t>(std::min(used - capacity, kMax));
    return static_cast<int64_t>(std::min(capacity - used, kMax));
  }
};

}  // namespace gxf
}  // namespace nvidia
