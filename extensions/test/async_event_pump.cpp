// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/async_event_pump.hpp"

#include <chrono>

namespace nvidia {
namespace gxf {
namespace test {

void AsyncEventPump::start(AsynchronousSchedulingTerm* term, int64_t delay_ms) {
  stop();
  stopping_ = false;
  thread_ = std::thread([this, term, delay_ms] { run(term, delay_ms); });
}

void AsyncEventPump::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void AsyncEventPump::run(AsynchronousSchedulingTerm* term, int64_t delay_ms) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, std::chrono::milliseconds(delay_ms), [this] { return stopping_; })) {
    if (term->event_state() == AsynchronousEventState::kEventWaiting) {
      // Not under our lock: the scheduler may be woken synchronously.
      lock.unlock();
      term->set_event_state(AsynchronousEventState::kEventDone);
      lock.lock();
    }
  }
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
