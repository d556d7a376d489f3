// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

// Where memory lives. kHost is page-locked ("pinned") host memory when CUDA is available and
// plain heap memory otherwise; kSystem is always plain heap memory; kDevice is GPU memory.
enum class MemoryStorageType : int32_t { kHost = 0, kDevice = 1, kSystem = 2 };

// Hands out memory of a storage type. is_available() is what MemoryAvailableSchedulingTerm
// asks; block_size() is 1 for allocators that are not block pools.
class Allocator : public Component {
 public:
  virtual bool is_available(uint64_t size) const = 0;
  virtual gxf_result_t allocate(uint64_t size, MemoryStorageType type, void** pointer) = 0;
  virtual gxf_result_t free(void* pointer) = 0;
  virtual uint64_t block_size() const { return 1; }

  // Wraps memory from allocate() in an owner that gives it back when the last holder lets go.
  // That can be after this component is gone (Python may keep a tensor beyond the graph's
  // lifetime), so allocators whose memory can outlive them override this with an owner that
  // does not call back into the component. The default calls free() on this allocator.
  virtual std::shared_ptr<void> own(void* pointer);
};

}  // namespace gxf
}  // namespace nvidia
