// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstddef>
#include <deque>
#include <limits>
#include <mutex>

#include "gxf/core/component.hpp"
#include "gxf/core/entity.hpp"
#include "gxf/core/logger.hpp"
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

// What MockTransmitter and MockReceiver share: the queue and its capacity, forced sync failures,
// the counters they log, and the deinitialize check that every message was taken.
struct MockQueueEnd {
  MockQueue queue;
  Parameter<bool> ignore_leftovers;
  Parameter<bool> fail_on_sync;
  Parameter<uint64_t> max_capacity;
  std::atomic<uint64_t> transferred{0};
  std::atomic<uint64_t> syncs{0};

  // `ignore_key` names the flag that tolerates messages left behind (per end, as GXF names it).
  void register_with(Registrar* registrar, const char* ignore_key, const char* ignore_headline) {
    registrar->parameter(ignore_leftovers, ignore_key, ignore_headline,
                         "Do not fail deinitialize when messages are left in the queue", false);
    registrar->parameter(fail_on_sync, "fail_on_sync", "Fail on sync",
                         "Every sync fails with GXF_FAILURE", false);
    registrar->parameter(max_capacity, "max_capacity", "Max capacity",
                         "Messages the queue can hold at once",
                         std::numeric_limits<uint64_t>::max());
  }
  void reset() {
    queue.reset(max_capacity.get());
    transferred = 0;
    syncs = 0;
  }
  gxf_result_t sync() {
    if (fail_on_sync.get()) return GXF_FAILURE;
    ++syncs;
    return GXF_SUCCESS;
  }
  // Logs the counters ("Entities <done>: n") and fails while messages are left
  // ("<left> Entities: n") unless told to ignore them.
  gxf_result_t finish(const Component& owner, const char* done, const char* left) {
    GXF_LOG_INFO("[%s/%s] Entities %s: %lu { Syncs: %lu | Peak: %zu }",
                 owner.entity()->name().c_str(), owner.name().c_str(), done,
                 static_cast<unsigned long>(transferred.load()),
                 static_cast<unsigned long>(syncs.load()), queue.peak());
    size_t remaining = queue.size();
    queue.clear();
    if (remaining == 0) return GXF_SUCCESS;
    GXF_LOG_WARNING("[%s/%s] %s Entities: %zu", owner.entity()->name().c_str(),
                    owner.name().c_str(), left, remaining);
    return ignore_leftovers.get() ? GXF_SUCCESS : GXF_FAILURE;
  }
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
