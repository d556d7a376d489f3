// SPDX-License-Identifier: Apache-2.0
#include "gxf/inference/pinned_staging.hpp"

#include <utility>

namespace nvidia {
namespace gxf {

PinnedStaging::PinnedStaging() : slots_(std::make_unique<std::array<Slot, 2>>()) {}

PinnedStaging::~PinnedStaging() {
  if (!slots_) return;  // moved from
  CudaDriver& driver = CudaDriver::instance();
  for (Slot& slot : *slots_) {
    // A copy may still read the buffer: it finishes before the buffer is freed. Results
    // ignored: at process exit the driver may already be shutting down.
    if (slot.pending) (void)driver.event_synchronize(slot.copied);
    if (slot.copied) (void)driver.event_destroy(slot.copied);
  }
}

Expected<byte*> PinnedStaging::next(int device, size_t bytes) {
  CudaDriver& driver = CudaDriver::instance();
  Slot& slot = (*slots_)[next_];
  current_ = next_;
  next_ = (next_ + 1) % slots_->size();
  if (slot.pending) {
    // The copy that read this buffer two batches ago.
    if (driver.event_synchronize(slot.copied) != GXF_SUCCESS) {
      return make_error(GXF_FAILURE, "waiting for the upload of an earlier batch failed");
    }
    slot.pending = false;
  }
  if (!slot.copied) {
    if (driver.event_create(device, kCudaEventDisableTiming, &slot.copied) != GXF_SUCCESS) {
      return make_error(GXF_FAILURE, "cannot create a CUDA event: " + driver.unavailable_reason());
    }
  }
  void* buffer = slot.buffer.reserve(bytes);
  if (!buffer) {
    return make_error(GXF_OUT_OF_MEMORY,
                      "no page-locked memory for a batch of " + std::to_string(bytes) + " bytes");
  }
  return static_cast<byte*>(buffer);
}

gxf_result_t PinnedStaging::copied(CudaStreamHandle stream) {
  Slot& slot = (*slots_)[current_];
  gxf_result_t code = CudaDriver::instance().event_record(slot.copied, stream);
  slot.pending = code == GXF_SUCCESS;
  return code;
}

}  // namespace gxf
}  // namespace nvidia
