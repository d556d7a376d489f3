// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace nvidia {
namespace gxf {

// Bounded single-producer single-consumer ring: the producer never waits and never
// allocates; when the consumer falls behind, new items are counted as dropped.
template <typename T>
class SpscRing {
 public:
  explicit SpscRing(size_t capacity) : slots_(capacity ? capacity : 1) {}

  // Producer side. False (and counted) when full.
  bool push(const T& item) {
    uint64_t head = head_.load(std::memory_order_relaxed);
    if (head - tail_.load(std::memory_order_acquire) >= slots_.size()) {
      dropped_.store(dropped_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
      return false;
    }
    slots_[head % slots_.size()] = item;
    head_.store(head + 1, std::memory_order_release);
    return true;
  }
  // Consumer side: appends everything available to `out`.
  void drain(std::vector<T>* out) {
    uint64_t tail = tail_.load(std::memory_order_relaxed);
    uint64_t head = head_.load(std::memory_order_acquire);
    for (; tail != head; ++tail) out->push_back(slots_[tail % slots_.size()]);
    tail_.store(tail, std::memory_order_release);
  }
  uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  std::vector<T> slots_;
  std::atomic<uint64_t> head_{0};
  std::atomic<uint64_t> tail_{0};
  std::atomic<uint64_t> dropped_{0};
};

}  // namespace gxf
}  // namespace nvidia
