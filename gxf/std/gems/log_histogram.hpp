// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

namespace nvidia {
namespace gxf {

// Fixed-size histogram of non-negative durations (ns) with log-linear buckets: exact below
// 16 ns, then 8 buckets per power of two (each at most 12.5% wide), up to 2^63. One writer
// (the thread that owns the measured thing) records with plain relaxed loads and stores, no
// read-modify-write; any thread may read concurrently and sees counts at most one record
// behind. No allocation after construction.
class LogHistogram {
 public:
  static constexpr int kExact = 16;
  static constexpr int kSubBuckets = 8;
  static constexpr int kBuckets = kExact + (63 - 4) * kSubBuckets;

  static int bucket_of(int64_t value) {
    if (value < kExact) return value < 0 ? 0 : static_cast<int>(value);
    int exponent = 63 - __builtin_clzll(static_cast<uint64_t>(value));
    int sub = static_cast<int>((value >> (exponent - 3)) & (kSubBuckets - 1));
    return kExact + (exponent - 4) * kSubBuckets + sub;
  }
  // [lower, upper) of a bucket.
  static int64_t lower_bound(int bucket) {
    if (bucket < kExact) return bucket;
    int exponent = (bucket - kExact) / kSubBuckets + 4;
    int sub = (bucket - kExact) % kSubBuckets;
    return static_cast<int64_t>(kSubBuckets + sub) << (exponent - 3);
  }
  static int64_t upper_bound(int bucket) {
    if (bucket < kExact) return bucket + 1;
    int exponent = (bucket - kExact) / kSubBuckets + 4;
    int sub = (bucket - kExact) % kSubBuckets;
    return static_cast<int64_t>(kSubBuckets + sub + 1) << (exponent - 3);
  }

  // Single writer only.
  void record(int64_t value) {
    bump(counts_[bucket_of(value)], 1);
    bump(total_, value < 0 ? 0 : static_cast<uint64_t>(value));
    bump(samples_, 1);
  }
  uint64_t samples() const { return samples_.load(std::memory_order_relaxed); }
  uint64_t total() const { return total_.load(std::memory_order_relaxed); }

  struct Bucket {
    int64_t lower;
    int64_t upper;
    uint64_t count;
  };
  // Non-empty buckets in ascending order.
  std::vector<Bucket> buckets() const {
    std::vector<Bucket> result;
    for (int i = 0; i < kBuckets; ++i) {
      uint64_t count = counts_[i].load(std::memory_order_relaxed);
      if (count) result.push_back({lower_bound(i), upper_bound(i), count});
    }
    return result;
  }

 private:
  static void bump(std::atomic<uint64_t>& counter, uint64_t amount) {
    counter.store(counter.load(std::memory_order_relaxed) + amount, std::memory_order_relaxed);
  }

  std::atomic<uint64_t> counts_[kBuckets] = {};
  std::atomic<uint64_t> total_{0};
  std::atomic<uint64_t> samples_{0};
};

}  // namespace gxf
}  // namespace nvidia
