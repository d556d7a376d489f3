// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>

#include "gxf/core/entity.hpp"
#include "gxf/core/result.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// The single-stage FIFO behind MockTransmitter and MockReceiver: no back stage, so a pushed
// message is visible at once; pushing beyond the capacity fails. Remembers the peak size.
class MockQueue {
 public:
  void reset(size_t capacity) {
    std::lock_guard<std::mutex> lock(mutex_);
    messages_.clear();
    capacity_ = capacity;
    peak_ = 0;
  }
  gxf_result_t push(const EntityRef& message) {
    if (!message) return GXF_ARGUMENT_NULL;
    std::lock_guard<std::mutex> lock(mutex_);
    if (messages_.size() >= capacity_) return GXF_EXCEEDING_PREALLOCATED_SIZE;
    messages_.push_back(message);
    if (messages_.size() > peak_) peak_ = messages_.size();
    return GXF_SUCCESS;
  }
  bool pop(EntityRef* message) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (messages_.empty()) return false;
    *message = std::move(messages_.front());
    messages_.pop_front();
    return true;
  }
  EntityRef peek(size_t index) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return index < messages_.size() ? messages_[index] : EntityRef();
  }
  size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return messages_.size();
  }
  size_t capacity() const { return capacity_; }
  size_t peak() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return peak_;
  }
  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    messages_.clear();
  }

 private:
  mutable std::mutex mutex_;
  std::deque<EntityRef> messages_;
  size_t capacity_ = 0;
  size_t peak_ = 0;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
