// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Message component: the sequence number PingTxAsync gives each message.
class PingCount : public Component {
 public:
  int32_t value = 0;
  bool reset_for_reuse() override {
    value = 0;
    return true;
  }
};

// Sleeps sleep_time_us, then publishes a message carrying its sequence number ("count").
// With an AsyncBuffer pair it runs at its own rate, independent of the consumer.
class PingTxAsync : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Transmitter>> signal_;
  Parameter<int64_t> sleep_time_us_;
  int32_t count_ = 0;
};

// Sleeps sleep_time_us, then reads the latest message; counts distinct sequence numbers and
// logs (never fails) when one goes backwards or leaves the verification range.
class PingRxAsync : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;
  int64_t unique_received() const { return unique_received_; }

 private:
  Parameter<Handle<Receiver>> signal_;
  Parameter<int64_t> sleep_time_us_;
  Parameter<int32_t> verification_range_min_;
  Parameter<int32_t> verification_range_max_;
  int32_t last_received_ = -1;
  int64_t unique_received_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
