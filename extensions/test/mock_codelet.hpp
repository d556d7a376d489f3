// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <random>
#include <string>

#include "gxf/std/clock.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// A stand-in pipeline stage. SRC creates a message with a Frame "LATENCY", PROCESS forwards the
// received message, SINK consumes it and logs its latency. With duration bounds set, each tick
// sleeps a random time in [duration_lower_ms, duration_upper_ms].
class MockCodelet : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

 private:
  gxf_result_t tick_source();
  gxf_result_t tick_process();
  gxf_result_t tick_sink();
  void sleep_mock_duration();
  int64_t now() const { return clock_->timestamp(); }

  Parameter<std::string> mode_;
  Parameter<Handle<Receiver>> receiver_;
  Parameter<Handle<Transmitter>> transmitter_;
  Parameter<Handle<Clock>> clock_;
  Parameter<int32_t> duration_lower_ms_;
  Parameter<int32_t> duration_upper_ms_;
  Parameter<bool> include_mock_latency_;

  std::unique_ptr<std::mt19937> generator_;
  int64_t sent_ = 0;
  int64_t received_ = 0;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
