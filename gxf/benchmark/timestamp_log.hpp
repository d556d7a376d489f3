// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <vector>

namespace nvidia {
namespace gxf {
namespace benchmark {

// Times (ns) at which a publisher sent or a sink received benchmark messages during one
// iteration. Written by the owner's ticks, read by the controller from another worker
// thread, hence the lock (uncontended but for the controller's reads).
class TimestampLog {
 public:
  // Records the current time. Read from a steady clock at the moment of the call, not the
  // tick's execution timestamp: a scheduler may give all ticks of one round the same
  // timestamp, which would report a publisher-to-sink latency of exactly 0.
  void record_now() {
    record(std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch()).count());
  }
  void record(int64_t timestamp_ns) {
    std::lock_guard<std::mutex> lock(mutex_);
    timestamps_.push_back(timestamp_ns);
  }
  size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return timestamps_.size();
  }
  // Forgets every time, keeping the storage (the next iteration records as many again).
  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    timestamps_.clear();
  }
  std::vector<int64_t> snapshot() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return timestamps_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<int64_t> timestamps_;
};

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
