// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "gxf/core/cache_line.hpp"

namespace nvidia {
namespace gxf {

// A bounded Chase-Lev work-stealing deque of pointers (Chase & Lev 2005, with the C11 memory
// orders of Le et al. 2013). The owner thread pushes and pops at the bottom (newest first:
// what it just woke is hot in its cache); any thread steals at the top (oldest first).
//
// Bounded because a scheduler job is queued in at most one place at a time: a deque sized
// for every job of the graph never overflows, and never reallocates under a thief.
template <typename T>
class WorkStealingDeque {
 public:
  // Room for at least `capacity` items.
  explicit WorkStealingDeque(size_t capacity) {
    size_t size = 2;
    while (size < capacity) size <<= 1;
    mask_ = static_cast<int64_t>(size - 1);
    buffer_.reset(new std::atomic<T*>[size]);
    for (size_t i = 0; i < size; ++i) buffer_[i].store(nullptr, std::memory_order_relaxed);
  }

  // Owner only. The caller guarantees there is room (see above).
  void push(T* item) {
    const int64_t bottom = bottom_.load(std::memory_order_relaxed);
    buffer_[bottom & mask_].store(item, std::memory_order_relaxed);
    // A release store rather than a release fence: the same code on x86 and ARM, and
    // ThreadSanitizer (which ignores fences) sees the hand-over of the item's data.
    bottom_.store(bottom + 1, std::memory_order_release);
  }

  // Owner only: the newest item, or nullptr.
  T* pop() {
    const int64_t bottom = bottom_.load(std::memory_order_relaxed) - 1;
    bottom_.store(bottom, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_seq_cst);
    int64_t top = top_.load(std::memory_order_relaxed);
    if (top > bottom) {  // empty
      bottom_.store(bottom + 1, std::memory_order_relaxed);
      return nullptr;
    }
    T* item = buffer_[bottom & mask_].load(std::memory_order_relaxed);
    if (top == bottom) {  // the last item: race the thieves for it
      if (!top_.compare_exchange_strong(top, top + 1, std::memory_order_seq_cst,
                                        std::memory_order_relaxed)) {
        item = nullptr;
      }
      bottom_.store(bottom + 1, std::memory_order_relaxed);
    }
    return item;
  }

  // Any thread: the oldest item, or nullptr (empty, or lost a race: try elsewhere).
  T* steal() {
    int64_t top = top_.load(std::memory_order_acquire);
    std::atomic_thread_fence(std::memory_order_seq_cst);
    const int64_t bottom = bottom_.load(std::memory_order_acquire);
    if (top >= bottom) return nullptr;
    T* item = buffer_[top & mask_].load(std::memory_order_relaxed);
    if (!top_.compare_exchange_strong(top, top + 1, std::memory_order_seq_cst,
                                      std::memory_order_relaxed)) {
      return nullptr;
    }
    return item;
  }

  // Which item is the oldest, for thieves that watch how long it stays: a position that
  // names one queued item for as long as it waits (every removal of the oldest item, a
  // steal or the owner's pop of the last one, advances it), or -1 when empty. A hint: it may
  // be stale by the time it returns.
  int64_t oldest_position() const {
    const int64_t top = top_.load(std::memory_order_acquire);
    const int64_t bottom = bottom_.load(std::memory_order_acquire);
    return top < bottom ? top : -1;
  }

  // Items queued: a hint for any thread; exact for the owner.
  size_t size() const {
    const int64_t bottom = bottom_.load(std::memory_order_relaxed);
    const int64_t top = top_.load(std::memory_order_relaxed);
    return bottom > top ? static_cast<size_t>(bottom - top) : 0;
  }

  // A hint for any thread; exact for the owner.
  bool empty() const {
    const int64_t bottom = bottom_.load(std::memory_order_relaxed);
    const int64_t top = top_.load(std::memory_order_relaxed);
    return bottom <= top;
  }

 private:
  alignas(kCacheLine) std::atomic<int64_t> top_{0};
  alignas(kCacheLine) std::atomic<int64_t> bottom_{0};
  alignas(kCacheLine) std::unique_ptr<std::atomic<T*>[]> buffer_;
  int64_t mask_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
