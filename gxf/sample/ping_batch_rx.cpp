// SPDX-License-Identifier: Apache-2.0
#include "gxf/sample/ping_batch_rx.hpp"

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t PingBatchRx::register_interface(Registrar* registrar) {
  registrar->parameter(signal_, "signal", "Signal", "Receiver to take pings from");
  registrar->parameter(batch_size_, "batch_size", "Batch size", "Messages taken per tick");
  registrar->parameter(assert_full_batch_, "assert_full_batch", "Assert full batch",
                       "Fail the tick when fewer than batch_size messages are there", true);
  return GXF_SUCCESS;
}

gxf_result_t PingBatchRx::tick() {
  for (int64_t i = 0; i < batch_size_.get(); ++i) {
    EntityRef message = signal_->receive();
    GXF_LOG_DEBUG("Message received in ping batch rx");
    if (!message && assert_full_batch_.get()) {
      return fail(GXF_CONTRACT_MESSAGE_NOT_AVAILABLE, "batch incomplete: %ld of %ld message(s)",
                  static_cast<long>(i), static_cast<long>(batch_size_.get()));
    }
  }
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
