// SPDX-License-Identifier: Apache-2.0
#include "gxf/inference/parallel_copy.hpp"

#include <algorithm>
#include <cstring>

namespace nvidia {
namespace gxf {

namespace {

// Below this a batch is copied on the calling thread: a helper's wake-up (~5-10 us) costs
// more than it saves.
constexpr size_t kParallelBytes = size_t{1} << 20;
// Chunks handed out: large enough that taking one is cheap next to copying it.
constexpr size_t kChunkBytes = size_t{256} << 10;
// Helpers besides the caller: memory bandwidth is filled by a handful of threads.
constexpr unsigned kMostHelpers = 4;

void copy_all(const std::vector<ParallelCopy::Piece>& pieces) {
  for (const ParallelCopy::Piece& piece : pieces) {
    std::memcpy(piece.destination, piece.source, piece.bytes);
  }
}

}  // namespace

ParallelCopy& ParallelCopy::instance() {
  static ParallelCopy copier;
  return copier;
}

ParallelCopy::~ParallelCopy() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& thread : helpers_) thread.join();
}

void ParallelCopy::start_helpers() {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned count = std::min(kMostHelpers, cores - 1);
  for (unsigned i = 0; i < count; ++i) helpers_.emplace_back([this] { helper(); });
}

void ParallelCopy::run(const std::vector<Piece>& pieces) {
  size_t total = 0;
  for (const Piece& piece : pieces) total += piece.bytes;
  std::unique_lock<std::mutex> batch(batch_mutex_, std::try_to_lock);
  if (total < kParallelBytes || !batch.owns_lock()) {
    copy_all(pieces);
    return;
  }
  if (helpers_.empty()) start_helpers();
  if (helpers_.empty()) {  // one core
    copy_all(pieces);
    return;
  }
  {
    // No helper is inside work() while the chunks are rebuilt (one that woke late for the
    // previous batch may just be leaving it).
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return active_ == 0; });
    chunks_.clear();
    for (const Piece& piece : pieces) {
      for (size_t offset = 0; offset < piece.bytes; offset += kChunkBytes) {
        chunks_.push_back({piece.destination + offset, piece.source + offset,
                           std::min(kChunkBytes, piece.bytes - offset)});
      }
    }
    next_.store(0, std::memory_order_relaxed);
    finished_ = 0;
    ++generation_;
  }
  wake_.notify_all();
  const size_t done = work();
  std::unique_lock<std::mutex> lock(mutex_);
  finished_ += done;
  done_.wait(lock, [this] { return finished_ == chunks_.size() && active_ == 0; });
}

size_t ParallelCopy::work() {
  size_t done = 0;
  for (size_t index = next_.fetch_add(1); index < chunks_.size(); index = next_.fetch_add(1)) {
    std::memcpy(chunks_[index].destination, chunks_[index].source, chunks_[index].bytes);
    ++done;
  }
  return done;
}

void ParallelCopy::helper() {
  uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
      ++active_;
    }
    const size_t done = work();
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ += done;
    --active_;
    if (active_ == 0 || finished_ == chunks_.size()) done_.notify_all();
  }
}

}  // namespace gxf
}  // namespace nvidia
