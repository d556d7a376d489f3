// SPDX-License-Identifier: Apache-2.0
#include "gxf/inference/output_blocks.hpp"

#include <algorithm>
#include <cstdlib>

namespace nvidia {
namespace gxf {

namespace {

constexpr size_t kAlignment = 64;

}  // namespace

size_t OutputBlocks::aligned(size_t bytes) {
  return (std::max<size_t>(bytes, 1) + kAlignment - 1) / kAlignment * kAlignment;
}

OutputBlocks::~OutputBlocks() {
  for (const Block& block : free_) {
    if (device_ < 0) {
      std::free(block.pointer);
      continue;
    }
    // Results ignored: at process exit the driver may already be shutting down.
    CudaDriver& driver = CudaDriver::instance();
    (void)driver.event_destroy(block.released);
    (void)driver.device_free(block.pointer);
  }
}

bool OutputBlocks::allocate(size_t bytes, Block* block) {
  block->bytes = aligned(bytes);
  block->released = nullptr;
  if (device_ < 0) {
    block->pointer = std::aligned_alloc(kAlignment, block->bytes);
    return block->pointer != nullptr;
  }
  CudaDriver& driver = CudaDriver::instance();
  if (driver.device_alloc(device_, block->bytes, &block->pointer) != GXF_SUCCESS) return false;
  if (driver.event_create(device_, kCudaEventDisableTiming, &block->released) != GXF_SUCCESS) {
    (void)driver.device_free(block->pointer);
    return false;
  }
  return true;
}

std::shared_ptr<void> OutputBlocks::take(size_t bytes, CudaStreamHandle stream) {
  Block block{nullptr, 0, nullptr};
  bool reused = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    // The smallest free block that fits: runs of one size (the steady state) reuse theirs.
    auto best = free_.end();
    for (auto it = free_.begin(); it != free_.end(); ++it) {
      if (it->bytes >= bytes && (best == free_.end() || it->bytes < best->bytes)) best = it;
    }
    if (best != free_.end()) {
      block = *best;
      *best = free_.back();
      free_.pop_back();
      reused = true;
    }
  }
  if (!reused && !allocate(bytes, &block)) return nullptr;
  if (reused && device_ >= 0 &&
      CudaDriver::instance().stream_wait_event(stream, block.released) != GXF_SUCCESS) {
    // Not known to be free of readers: dropped rather than reused.
    (void)CudaDriver::instance().event_destroy(block.released);
    (void)CudaDriver::instance().device_free(block.pointer);
    return nullptr;
  }
  std::shared_ptr<OutputBlocks> self = shared_from_this();
  return std::shared_ptr<void>(block.pointer, [self, block](void*) { self->give_back(block); });
}

void OutputBlocks::give_back(Block block) {
  if (device_ >= 0) {
    // Readers ordered after the legacy stream finish before the next writer (see the header).
    (void)CudaDriver::instance().event_record(block.released, cuda_legacy_stream());
  }
  std::lock_guard<std::mutex> lock(mutex_);
  free_.push_back(block);
}

}  // namespace gxf
}  // namespace nvidia
