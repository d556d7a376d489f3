// SPDX-License-Identifier: Apache-2.0
#include "gxf/inference/pinned_staging.hpp"

#include <utility>

namespace nvidia {
namespace gxf {

PinnedStaging::~PinnedStaging() {
  CudaDriver& driver = CudaDriver::instance();
  for (Slot& slot : slots_) {
    // A copy may still read the buffer: it finishes first. Results ignored: at process exit
    // the driver may already be shutting down.
    if (slot.pending) (void)driver.event_synchronize(slot.copied);
    if (slot.copied) (void)driver.event_destroy(slot.copied);
    if (slot.pointer) (void)driver.pinned_free(slot.pointer);
  }
}

PinnedStaging::PinnedStaging(PinnedStaging&& other) noexcept
    : slots_(std::exchange(other.slots_, {})), current_(other.current_), next_(other.next_) {}

Expected<byte*> PinnedStaging::next(int device, size_t bytes) {
  CudaDriver& driver = CudaDriver::instance();
  Slot& slot = slots_[next_];
  current_ = next_;
  next_ = (next_ + 1) % slots_.size();
  if (slot.pending) {
    // The copy that read this buffer two batches ago.
    if (driver.event_synchronize(slot.copied) != GXF_SUCCESS) {
      return make_error(GXF_FAILURE, "waiting for the upload of an earlier batch failed");
    }
    slot.pending = false;
  }
  if (!slot.copied) {
    constexpr uint32_t kDisableTiming = 0x2;  // the event only orders: cheaper to record
    if (driver.event_create(device, kDisableTiming, &slot.copied) != GXF_SUCCESS) {
      return make_error(GXF_FAILURE, "cannot create a CUDA event: " + driver.unavailable_reason());
    }
  }
  if (slot.bytes < bytes) {
    if (slot.pointer) (void)driver.pinned_free(slot.pointer);
    slot.pointer = nullptr;
    slot.bytes = 0;
    if (driver.pinned_alloc(bytes, &slot.pointer) != GXF_SUCCESS) {
      return make_error(GXF_OUT_OF_MEMORY,
                        "no page-locked memory for a batch of " + std::to_string(bytes) + " bytes");
    }
    slot.bytes = bytes;
  }
  return static_cast<byte*>(slot.pointer);
}

gxf_result_t PinnedStaging::copied(CudaStreamHandle stream) {
  Slot& slot = slots_[current_];
  gxf_result_t code = CudaDriver::instance().event_record(slot.copied, stream);
  slot.pending = code == GXF_SUCCESS;
  return code;
}

}  // namespace gxf
}  // namespace nvidia
