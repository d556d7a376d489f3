// SPDX-License-Identifier: Apache-2.0
#include "gxf/cuda/cuda_stream.hpp"

#include <utility>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

CudaStream::~CudaStream() { destroy(); }

gxf_result_t CudaStream::create(uint32_t flags, int dev_id, int32_t priority) {
  dev_id_ = dev_id < 0 ? 0 : dev_id;
  return CudaDriver::instance().stream_create(dev_id_, flags, priority, &stream_);
}

void CudaStream::destroy() {
  if (!stream_) return;
  sync_stream();
  CudaDriver::instance().stream_destroy(stream_);
  stream_ = nullptr;
}

gxf_result_t CudaStream::record(CudaEvent* event, EntityRef keep_alive,
                                std::function<void()> on_done) {
  if (!stream_ || !event || !event->event()) return GXF_ARGUMENT_NULL;
  gxf_result_t code = CudaDriver::instance().event_record(event->event(), stream_);
  if (code != GXF_SUCCESS) return code;
  reset_events();  // what completed meanwhile goes now, so the list stays short
  std::lock_guard<std::mutex> lock(mutex_);
  pending_.push_back(Pending{event->shared_event(), event->event(),
                             std::move(keep_alive), std::move(on_done)});
  return GXF_SUCCESS;
}

gxf_result_t CudaStream::sync_stream() {
  if (!stream_) return GXF_ARGUMENT_NULL;
  gxf_result_t code = CudaDriver::instance().stream_synchronize(stream_);
  std::vector<Pending> done;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done.swap(pending_);
  }
  for (Pending& item : done) {
    if (item.on_done) item.on_done();
  }
  return code;
}

gxf_result_t CudaStream::reset_events() {
  std::vector<Pending> done;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    size_t keep = 0;
    for (Pending& item : pending_) {
      if (CudaDriver::instance().event_query(item.handle) == GXF_NOT_FINISHED) {
        pending_[keep++] = std::move(item);
      } else {
        done.push_back(std::move(item));
      }
    }
    pending_.resize(keep);
  }
  for (Pending& item : done) {
    if (item.on_done) item.on_done();
  }
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
