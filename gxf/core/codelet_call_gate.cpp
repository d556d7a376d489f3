// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/codelet_call_gate.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace nvidia {
namespace gxf {

namespace {

struct Gate {
  std::atomic<const void*> owner{nullptr};  // the holder's thread tag; null: free
  std::mutex mutex;                          // blocking waiters only
  std::condition_variable freed;
  std::atomic<int> waiters{0};
};

Gate& gate() {
  static Gate* instance = new Gate();  // never destroyed: codelets may stop in exit handlers
  return *instance;
}

// A tag unique to each live thread: the address of a thread-local.
const void* thread_tag() {
  thread_local char tag;
  return &tag;
}

int& thread_holds() {
  thread_local int holds = 0;
  return holds;
}

bool acquire() {
  Gate& g = gate();
  // Look before the exchange (a failed one would still take the cache line from the holder);
  // sequentially consistent, so a taken gate seen here is one a later holder's look covers.
  if (g.owner.load() != nullptr) return false;
  const void* expected = nullptr;
  return g.owner.compare_exchange_strong(expected, thread_tag());
}

}  // namespace

bool CodeletCallGate::try_enter() {
  int& holds = thread_holds();
  if (holds == 0 && !acquire()) return false;
  ++holds;
  return true;
}

void CodeletCallGate::enter() {
  int& holds = thread_holds();
  if (holds == 0 && !acquire()) {
    Gate& g = gate();
    for (int spin = 0; spin < 100; ++spin) {
      if (acquire()) {
        ++holds;
        return;
      }
    }
    std::unique_lock<std::mutex> lock(g.mutex);
    g.waiters.fetch_add(1);
    g.freed.wait(lock, [] { return acquire(); });
    g.waiters.fetch_sub(1);
  }
  ++holds;
}

void CodeletCallGate::leave() {
  int& holds = thread_holds();
  if (--holds > 0) return;
  Gate& g = gate();
  g.owner.store(nullptr);
  if (g.waiters.load() > 0) {
    // Under the mutex: a waiter between its check and its wait would miss a bare notify.
    { std::lock_guard<std::mutex> lock(g.mutex); }
    g.freed.notify_one();
  }
}

int CodeletCallGate::leave_all() {
  const int holds = thread_holds();
  if (holds > 0) {
    thread_holds() = 1;
    leave();
  }
  return holds;
}

void CodeletCallGate::enter_times(int holds) {
  if (holds <= 0) return;
  enter();
  thread_holds() += holds - 1;
}

int CodeletCallGate::holds() { return thread_holds(); }

bool CodeletCallGate::contended() { return gate().waiters.load() > 0; }

bool CodeletCallGate::free() { return gate().owner.load(std::memory_order_relaxed) == nullptr; }

}  // namespace gxf
}  // namespace nvidia
