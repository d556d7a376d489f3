// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "gxf/core/parameter.hpp"
#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {

// A fixed pool of num_blocks blocks of block_size bytes of one storage type, allocated at
// initialize(). Every allocation takes a whole block; a request of another storage type is
// GXF_ARGUMENT_INVALID, one larger than a block GXF_ARGUMENT_INVALID, and one when no block is
// free GXF_EXCEEDING_PREALLOCATED_SIZE (the pool never blocks: a MemoryAvailableSchedulingTerm
// keeps an entity from ticking until memory is back).
class BlockMemoryPool : public Allocator {
 public:
  // Largest pool, in bytes and in blocks (256 TiB: beyond any machine's memory, far below
  // where block_size * num_blocks overflows).
  static constexpr uint64_t kMaxPoolBytes = uint64_t(1) << 48;

  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  bool is_available(uint64_t size) const override;
  gxf_result_t allocate(uint64_t size, MemoryStorageType type, void** pointer) override;
  gxf_result_t free(void* pointer) override;
  uint64_t block_size() const override { return block_size_.get(); }
  std::shared_ptr<void> own(void* pointer) override;

  uint64_t num_blocks() const { return num_blocks_.get(); }
  uint64_t free_blocks() const;

 private:
  // The pool's memory and free list. Blocks held by messages keep it alive (through own()),
  // so a tensor may outlive the pool component without dangling.
  struct Arena {
    MemoryStorageType type;
    uint64_t block_size = 0;
    uint64_t num_blocks = 0;
    unsigned char* base = nullptr;
    std::mutex mutex;
    std::vector<uint64_t> free_list;  // indices of free blocks, used as a stack
    std::atomic<uint64_t> free_count{0};
    ~Arena();
    gxf_result_t take(void** pointer);
    gxf_result_t give_back(void* pointer);
  };

  Parameter<int32_t> storage_type_;
  Parameter<uint64_t> block_size_;
  Parameter<uint64_t> num_blocks_;
  std::shared_ptr<Arena> arena_;
};

}  // namespace gxf
}  // namespace nvidia
