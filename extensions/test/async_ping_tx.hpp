// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "extensions/test/async_event_pump.hpp"
#include "gxf/std/asynchronous_scheduling_term.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Publishes one message per tick, then waits for its asynchronous term: the term goes to
// EVENT_WAITING after each tick and a background thread reports EVENT_DONE `delay` ms later.
// After `count` ticks (0: never) the term says EVENT_NEVER and the entity stops.
class AsyncPingTx : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;
  gxf_result_t stop() override;

 private:
  Parameter<int64_t> delay_;
  Parameter<Handle<Transmitter>> signal_;
  Parameter<uint64_t> count_;
  Parameter<Handle<AsynchronousSchedulingTerm>> scheduling_term_;
  AsyncEventPump pump_;
  uint64_t ticks_ = 0;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
