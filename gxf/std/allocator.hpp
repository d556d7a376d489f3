// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

enum class MemoryStorageType : int32_t { kHost = 0, kDevice = 1, kSystem = 2 };

// Hands out memory of a storage type. is_available() is what MemoryAvailableSchedulingTerm
// asks; block_size() is 1 for allocators that are not block pools.
class Allocator : public Component {
 public:
  virtual bool is_available(uint64_t size) const = 0;
  virtual gxf_result_t allocate(uint64_t size, MemoryStorageType type, void** pointer) = 0;
  virtual gxf_result_t free(void* pointer) = 0;
  virtual uint64_t block_size() const { return 1; }
};

}  // namespace gxf
}  // namespace nvidia
