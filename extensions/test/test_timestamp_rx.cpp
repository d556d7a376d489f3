// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/test_timestamp_rx.hpp"

#include "gxf/std/timestamp.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t TestTimestampRx::register_interface(Registrar* registrar) {
  registrar->parameter(signal_, "signal", "Signal", "Receiver to check");
  registrar->parameter(delay_, "delay", "Delay [ns]", "Expected step between timestamps");
  return GXF_SUCCESS;
}

gxf_result_t TestTimestampRx::tick() {
  EntityRef message = signal_->receive();
  if (!message) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  Timestamp* timestamp = message->find<Timestamp>();
  if (!timestamp) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  const int64_t pubtime = timestamp->pubtime;
  const int64_t acqtime = timestamp->acqtime;
  if (last_pubtime_ != 0 &&
      (pubtime != last_pubtime_ + delay_.get() || acqtime != last_acqtime_ + delay_.get())) {
    return fail(GXF_CONTRACT_MESSAGE_NOT_AVAILABLE,
                "timestamps (pub %ld, acq %ld) are not %ld ns after (pub %ld, acq %ld)",
                static_cast<long>(pubtime), static_cast<long>(acqtime),
                static_cast<long>(delay_.get()), static_cast<long>(last_pubtime_),
                static_cast<long>(last_acqtime_));
  }
  last_pubtime_ = pubtime;
  last_acqtime_ = acqtime;
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
