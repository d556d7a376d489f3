// SPDX-License-Identifier: Apache-2.0
#include "gxf/sample/ping_tx.hpp"

#include <chrono>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

PingTx::~PingTx() {
  stopping_ = true;
  if (interrupt_thread_.joinable()) interrupt_thread_.join();
}

gxf_result_t PingTx::register_interface(Registrar* registrar) {
  registrar->parameter(signal_, "signal", "Signal", "Transmitter to ping on");
  registrar->parameter(clock_, "clock", "Clock", "Clock for the message timestamp",
                       kParameterFlagsOptional);
  registrar->parameter(trigger_interrupt_after_ms_, "trigger_interrupt_after_ms",
                       "Trigger interrupt after [ms]", "Interrupt the graph after this long",
                       kParameterFlagsOptional);
  return GXF_SUCCESS;
}

gxf_result_t PingTx::start() {
  count_ = 0;
  if (trigger_interrupt_after_ms_.is_set() && !interrupt_thread_.joinable()) {
    stopping_ = false;
    int64_t delay_ms = trigger_interrupt_after_ms_.get();
    Context* ctx = context();
    interrupt_thread_ = std::thread([this, ctx, delay_ms] {
      auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(delay_ms);
      while (!stopping_ && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
      if (!stopping_ && ctx->runtime()) {
        Result ignored = ctx->runtime()->interrupt();
        (void)ignored;
      }
    });
  }
  return GXF_SUCCESS;
}

gxf_result_t PingTx::tick() {
  EntityRef message = context()->create_message();
  int64_t acq = clock_.is_set() ? clock_->timestamp() : 0;
  gxf_result_t code = signal_->publish(message, acq);
  ++count_;
  GXF_LOG_INFO("Message Sent: %ld", static_cast<long>(count_));
  if (code != GXF_SUCCESS) {
    GXF_LOG_WARNING("%s: publish failed: %s", describe().c_str(), result_str(code));
  }
  return GXF_SUCCESS;
}

gxf_result_t PingTx::stop() {
  stopping_ = true;
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
