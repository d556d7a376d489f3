// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "extensions/test/async_event_pump.hpp"
#include "gxf/std/asynchronous_scheduling_term.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Takes one message per tick when there is one, then waits for its asynchronous term
// (EVENT_WAITING until a background thread reports EVENT_DONE `delay` ms later). A tick with
// an empty queue is fine and leaves the term as it is.
class AsyncPingRx : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;
  gxf_result_t stop() override;

 private:
  Parameter<int64_t> delay_;
  Parameter<Handle<Receiver>> signal_;
  Parameter<Handle<AsynchronousSchedulingTerm>> scheduling_term_;
  AsyncEventPump pump_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
