// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <unordered_map>

#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// An allocator for tests: heap memory with optional per-storage limits and block-size limit,
// usage tracked per storage type, and a deinitialize() that fails while blocks are still
// allocated (a leak), unless ignore_memory_leak is set.
class MockAllocator : public Allocator {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  bool is_available(uint64_t size) const override;
  gxf_result_t allocate(uint64_t size, MemoryStorageType type, void** pointer) override;
  gxf_result_t free(void* pointer) override;

 private:
  struct Usage {
    uint64_t blocks = 0;
    uint64_t bytes = 0;
  };
  struct Block {
    MemoryStorageType type;
    uint64_t size;
  };
  static size_t slot(MemoryStorageType type) { return static_cast<size_t>(type); }
  // GXF_SUCCESS when `size` more bytes of `type` stay within the configured limits.
  gxf_result_t check_limits(uint64_t size, MemoryStorageType type) const;
  void log_usage() const;

  Parameter<bool> ignore_memory_leak_;
  Parameter<bool> fail_on_free_;
  Parameter<uint64_t> max_block_size_;
  Parameter<uint64_t> max_host_allocation_;
  Parameter<uint64_t> max_device_allocation_;
  Parameter<uint64_t> max_system_allocation_;

  mutable std::mutex mutex_;
  bool initialized_ = false;
  std::unordered_map<void*, Block> blocks_;
  std::array<Usage, 3> allocated_{};  // currently held, per storage type
  std::array<Usage, 3> total_{};      // allocated over the lifetime, per storage type
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
