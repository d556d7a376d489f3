// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <climits>
#include <cstdint>
#include <vector>

namespace nvidia {
namespace gxf {

// Jobs ordered by due time (nanoseconds on some clock), first-in first-out among equal times.
// Not synchronised: its owner guards it. Pushing reuses the vector's storage, so a queue in
// steady state does not allocate.
template <typename Job>
class TimedJobQueue {
 public:
  void push(int64_t due_ns, Job job) {
    heap_.push_back({due_ns, next_sequence_++, job});
    std::push_heap(heap_.begin(), heap_.end(), Later{});
  }
  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }
  // Due time of the earliest job; INT64_MAX when empty.
  int64_t next_due() const { return heap_.empty() ? INT64_MAX : heap_.front().due_ns; }
  Job pop() {
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    Job job = heap_.back().job;
    heap_.pop_back();
    return job;
  }
  void clear() { heap_.clear(); }

 private:
  struct Entry {
    int64_t due_ns;
    uint64_t sequence;
    Job job;
  };
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const {
      return a.due_ns != b.due_ns ? a.due_ns > b.due_ns : a.sequence > b.sequence;
    }
  };

  std::vector<Entry> heap_;
  uint64_t next_sequence_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
