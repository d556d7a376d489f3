// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <utility>
#include <vector>

#include "gxf/core/cache_line.hpp"

namespace nvidia {
namespace gxf {

enum class OverflowPolicy : int { kPop = 0, kReject = 1, kFault = 2 };

// Storage in whole cache lines of its own. A queue's ring is tiny (a capacity-1 stage holds
// one slot: 8 bytes), and plain heap blocks that small sit several to a cache line, so rings of
// entities that run on different workers shared lines: every push and pop then moved the line
// between cores.
template <typename T>
struct CacheLineAllocator {
  using value_type = T;
  CacheLineAllocator() = default;
  template <typename U>
  CacheLineAllocator(const CacheLineAllocator<U>&) {}  // NOLINT: converting, as allocators are
  T* allocate(size_t n) { return static_cast<T*>(allocate_cache_lines(n * sizeof(T))); }
  void deallocate(T* p, size_t) { free_cache_lines(p); }
  template <typename U>
  bool operator==(const CacheLineAllocator<U>&) const { return true; }
  template <typename U>
  bool operator!=(const CacheLineAllocator<U>&) const { return false; }
};

// A bounded ring buffer whose storage grows as it fills, up to its capacity: a queue declared
// with a huge capacity costs only what it holds. Once grown to the working set it allocates
// no more (no allocation per message in steady state).
template <typename T>
class RingBuffer {
 public:
  void reset(size_t capacity) {
    limit_ = capacity == 0 ? 1 : capacity;
    slots_.assign(std::min(limit_, kInitialSlots), T());
    head_ = 0;
    size_ = 0;
  }
  size_t size() const { return size_; }
  size_t capacity() const { return limit_; }
  bool empty() const { return size_ == 0; }
  bool full() const { return size_ == limit_; }
  void push_back(T value) {
    if (size_ == slots_.size()) grow();
    slots_[(head_ + size_) % slots_.size()] = std::move(value);
    ++size_;
  }
  T pop_front() {
    T value = std::move(slots_[head_]);
    slots_[head_] = T();
    head_ = (head_ + 1) % slots_.size();
    --size_;
    return value;
  }
  T pop_back() {
    size_t index = (head_ + size_ - 1) % slots_.size();
    T value = std::move(slots_[index]);
    slots_[index] = T();
    --size_;
    return value;
  }
  const T& at(size_t index) const { return slots_[(head_ + index) % slots_.size()]; }
  void clear() {
    while (size_) pop_front();
  }

 private:
  static constexpr size_t kInitialSlots = 16;

  // Doubles the storage (at most to the capacity), the oldest element first.
  void grow() {
    std::vector<T, CacheLineAllocator<T>> larger(std::min(limit_, 2 * slots_.size()));
    for (size_t i = 0; i < size_; ++i) larger[i] = std::move(slots_[(head_ + i) % slots_.size()]);
    slots_ = std::move(larger);
    head_ = 0;
  }

  std::vector<T, CacheLineAllocator<T>> slots_;
  size_t limit_ = 1;
  size_t head_ = 0;
  size_t size_ = 0;
};

// GXF's double-buffered queue: pushes land in the back stage, sync() moves them behind the
// main stage, pops and peeks see the main stage only. Overflow follows the policy: kPop drops
// the oldest, kReject the newest, kFault fails (the sync merge still happens first).
// Mutations are not thread-safe: the owning component locks around them. size() and back_size()
// may be read without that lock: scheduling terms read them on every check, from any worker,
// far more often than messages move, and taking the owner's lock there was a sixth of a
// parallel scheduler's time. Each mutation publishes both sizes before the owner unlocks, so an
// unlocked read returns a size the queue had at some instant (as a locked read would).
template <typename T>
class StagingQueue {
 public:
  void reset(size_t capacity, OverflowPolicy policy) {
    capacity_ = capacity;
    policy_ = policy;
    // Room for capacity in each stage plus a full back stage merged under the fault policy.
    main_.reset(2 * capacity + 1);
    back_.reset(capacity);
    publish_sizes();
  }
  size_t size() const { return size_.load(std::memory_order_acquire); }
  size_t back_size() const { return back_size_.load(std::memory_order_acquire); }
  size_t capacity() const { return capacity_; }
  OverflowPolicy policy() const { return policy_; }

  // False when the item was dropped or refused (kReject / kFault on a full back stage).
  bool push(T value, bool* dropped_oldest = nullptr) {
    if (back_.size() >= capacity_) {
      if (policy_ == OverflowPolicy::kPop) {
        back_.pop_front();
        if (dropped_oldest) *dropped_oldest = true;
      } else {
        return false;
      }
    }
    back_.push_back(std::move(value));
    publish_sizes();
    return true;
  }
  // False on overflow with the fault policy; drops per policy otherwise.
  bool sync() {
    const bool fits = merge_back_stage();
    publish_sizes();
    return fits;
  }
  bool pop(T* out) {
    if (main_.empty()) return false;
    *out = main_.pop_front();
    publish_sizes();
    return true;
  }
  const T* peek(size_t index) const { return index < main_.size() ? &main_.at(index) : nullptr; }
  const T* peek_back(size_t index) const {
    return index < back_.size() ? &back_.at(index) : nullptr;
  }
  void clear() {
    main_.clear();
    back_.clear();
    publish_sizes();
  }

 private:
  bool merge_back_stage() {
    while (!back_.empty()) main_.push_back(back_.pop_front());
    if (main_.size() <= capacity_) return true;
    if (policy_ == OverflowPolicy::kFault) return false;
    while (main_.size() > capacity_) {
      if (policy_ == OverflowPolicy::kPop) {
        main_.pop_front();
      } else {
        main_.pop_back();
      }
    }
    return true;
  }
  void publish_sizes() {
    size_.store(main_.size(), std::memory_order_release);
    back_size_.store(back_.size(), std::memory_order_release);
  }

  RingBuffer<T> main_;
  RingBuffer<T> back_;
  std::atomic<size_t> size_{0};
  std::atomic<size_t> back_size_{0};
  size_t capacity_ = 1;
  OverflowPolicy policy_ = OverflowPolicy::kFault;
};

}  // namespace gxf
}  // namespace nvidia
