// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "gxf/std/asynchronous_scheduling_term.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// A background thread standing in for an asynchronous event source: every `delay_ms` it
// turns the term's EVENT_WAITING into EVENT_DONE (which wakes the entity). Used by
// AsyncPingTx and AsyncPingRx.
class AsyncEventPump {
 public:
  ~AsyncEventPump() { stop(); }
  void start(AsynchronousSchedulingTerm* term, int64_t delay_ms);
  // Returns at once; the thread is joined.
  void stop();

 private:
  void run(AsynchronousSchedulingTerm* term, int64_t delay_ms);

  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
