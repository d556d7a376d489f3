// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace nvidia {
namespace gxf {

// Lets threads sleep until "something may have changed" without polling and without lost
// wake-ups (an event count, as in Dekker's protocol or Eigen/Taskflow's Notifier):
//
//   waiter:    key = prepare_wait();  look for work again;  found ? cancel_wait()
//                                                                  : commit_wait(key);
//   notifier:  publish the work;  notify_one() / notify_all();
//
// A notification between prepare_wait() and commit_wait() changes the epoch, so commit_wait()
// returns at once. Notifying costs one atomic load when nobody waits (the common busy case).
class EventCount {
 public:
  uint64_t prepare_wait() {
    waiters_.fetch_add(1, std::memory_order_seq_cst);
    return epoch_.load(std::memory_order_seq_cst);
  }

  void cancel_wait() { waiters_.fetch_sub(1, std::memory_order_seq_cst); }

  // Sleeps until a notification after `key` was taken, or until `deadline` (steady clock).
  void commit_wait(uint64_t key, std::chrono::steady_clock::time_point deadline =
                                     std::chrono::steady_clock::time_point::max()) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      while (epoch_.load(std::memory_order_relaxed) == key) {
        if (deadline == std::chrono::steady_clock::time_point::max()) {
          wake_.wait(lock);
        } else if (wake_.wait_until(lock, deadline) == std::cv_status::timeout) {
          break;
        }
      }
    }
    waiters_.fetch_sub(1, std::memory_order_seq_cst);
  }

  // Wakes one sleeping waiter (and makes every preparing waiter look again).
  void notify_one() { notify(false); }
  void notify_all() { notify(true); }

  // Whether a thread is between prepare_wait() and the end of commit_wait()/cancel_wait().
  bool has_waiters() const {
    std::atomic_thread_fence(std::memory_order_seq_cst);
    return waiters_.load(std::memory_order_seq_cst) > 0;
  }

 private:
  void notify(bool all) {
    // Pairs with the waiter's fetch_add: either it sees our work, or we see it waiting.
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (waiters_.load(std::memory_order_seq_cst) == 0) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      epoch_.fetch_add(1, std::memory_order_relaxed);
    }
    if (all) {
      wake_.notify_all();
    } else {
      wake_.notify_one();
    }
  }

  std::atomic<uint64_t> epoch_{0};
  std::atomic<int> waiters_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
};

}  // namespace gxf
}  // namespace nvidia
