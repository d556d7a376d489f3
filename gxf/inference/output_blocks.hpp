// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "gxf/std/gems/cuda_driver/cuda_driver.hpp"

namespace nvidia {
namespace gxf {

// Memory blocks handed out again once their last holder lets go: the outputs of an inference
// run live in one block, each published frame's tensors are views of it. The pool outlives the
// codelet while messages still hold its blocks.
//
// Host blocks are plain aligned memory. Device blocks are written by copies the codelet queues
// on its CUDA stream, and read by consumers ordered after the legacy default stream (the
// engine's convention for device tensors, see tensor_interop.cpp). So when a device block comes
// back, an event is recorded on the legacy stream, and the next writer's stream waits for that
// event (on the device, no host wait) before its copy: reading work a consumer queued before it
// let the message go has finished when the block is written again.
class OutputBlocks : public std::enable_shared_from_this<OutputBlocks> {
 public:
  // Host blocks where `device` < 0, else blocks of that GPU's memory.
  explicit OutputBlocks(int device = -1) : device_(device) {}
  ~OutputBlocks();
  OutputBlocks(const OutputBlocks&) = delete;
  OutputBlocks& operator=(const OutputBlocks&) = delete;

  // A block of at least `bytes`, given back to the pool by the returned owner; null when
  // there is no memory (or CUDA fails). For device blocks, work queued on `stream` after this
  // call runs after the block's earlier readers.
  std::shared_ptr<void> take(size_t bytes, CudaStreamHandle stream = nullptr);

  // `bytes` rounded up to the blocks' alignment (64: a cache line, and SIMD loads), so that
  // several outputs laid out in one block each start aligned.
  static size_t aligned(size_t bytes);

 private:
  struct Block {
    void* pointer;
    size_t bytes;
    CudaEventHandle released;  // device blocks: recorded on the legacy stream when given back
  };
  bool allocate(size_t bytes, Block* block);
  void give_back(Block block);

  const int device_;
  std::mutex mutex_;
  std::vector<Block> free_;
};

}  // namespace gxf
}  // namespace nvidia
