// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <thread>

#include "gxf/std/clock.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Publishes an empty message (with a Timestamp) on every tick.
class PingTx : public Codelet {
 public:
  ~PingTx() override;
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;
  gxf_result_t stop() override;

 private:
  Parameter<Handle<Transmitter>> signal_;
  Parameter<Handle<Clock>> clock_;
  Parameter<int64_t> trigger_interrupt_after_ms_;
  int64_t count_ = 0;
  std::thread interrupt_thread_;
  std::atomic<bool> stopping_{false};
};

}  // namespace gxf
}  // namespace nvidia
