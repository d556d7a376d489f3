// SPDX-License-Identifier: Apache-2.0
#include "gxf/sample/ping_async.hpp"

#include <chrono>
#include <thread>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t PingTxAsync::register_interface(Registrar* registrar) {
  registrar->parameter(signal_, "signal", "Signal", "Transmitter to publish on");
  registrar->parameter(sleep_time_us_, "sleep_time_us", "Sleep time [us]",
                       "Pause before each publish", int64_t{10});
  return GXF_SUCCESS;
}

gxf_result_t PingTxAsync::start() {
  count_ = 0;
  return GXF_SUCCESS;
}

gxf_result_t PingTxAsync::tick() {
  std::this_thread::sleep_for(std::chrono::microseconds(sleep_time_us_.get()));
  EntityRef message = context()->create_message();
  PingCount* count = context()->add_message_component<PingCount>(message.get(), "count");
  if (!count) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
  count->value = ++count_;
  gxf_result_t code = signal_->publish(message);
  GXF_LOG_INFO("Message Sent: %d", count_);
  return code;
}

gxf_result_t PingRxAsync::register_interface(Registrar* registrar) {
  registrar->parameter(signal_, "signal", "Signal", "Receiver to read the latest message from");
  registrar->parameter(sleep_time_us_, "sleep_time_us", "Sleep time [us]",
                       "Pause before each read", int64_t{1000});
  registrar->parameter(verification_range_min_, "verification_range_min",
                       "Verification range min", "Smallest expected sequence number", int32_t{0});
  registrar->parameter(verification_range_max_, "verification_range_max",
                       "Verification range max", "Largest expected sequence number", int32_t{500});
  return GXF_SUCCESS;
}

gxf_result_t PingRxAsync::start() {
  last_received_ = -1;
  unique_received_ = 0;
  return GXF_SUCCESS;
}

gxf_result_t PingRxAsync::tick() {
  std::this_thread::sleep_for(std::chrono::microseconds(sleep_time_us_.get()));
  EntityRef message = signal_->receive();
  PingCount* count = message ? message->find<PingCount>("count") : nullptr;
  if (!count) {
    GXF_LOG_INFO("No message received yet.");
    return GXF_SUCCESS;
  }
  GXF_LOG_INFO("Retrieved: %d", count->value);
  if (count->value == last_received_) return GXF_SUCCESS;
  if (count->value < last_received_) {
    GXF_LOG_ERROR("%s: sequence number went backwards (%d after %d)", describe().c_str(),
                  count->value, last_received_);
  }
  if (count->value < verification_range_min_.get() ||
      count->value > verification_range_max_.get()) {
    GXF_LOG_ERROR("%s: sequence number %d outside [%d, %d]", describe().c_str(), count->value,
                  verification_range_min_.get(), verification_range_max_.get());
  }
  last_received_ = count->value;
  ++unique_received_;
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
