// SPDX-License-Identifier: Apache-2.0
#include "gxf/cuda/cuda_event.hpp"

#include <utility>

namespace nvidia {
namespace gxf {

gxf_result_t CudaEvent::init(uint32_t flags, int dev_id) {
  CudaEventHandle event = nullptr;
  gxf_result_t code = CudaDriver::instance().event_create(dev_id, flags, &event);
  if (code != GXF_SUCCESS) return code;
  return init_with_event(event, dev_id, [](CudaEventHandle handle) {
    CudaDriver::instance().event_destroy(handle);
  });
}

gxf_result_t CudaEvent::init_with_event(CudaEventHandle event, int dev_id,
                                        DestroyFunction destroy) {
  if (!event) return GXF_ARGUMENT_NULL;
  if (destroy) {
    event_ = std::shared_ptr<void>(event, std::move(destroy));
  } else {
    event_ = std::shared_ptr<void>(event, [](void*) {});
  }
  dev_id_ = dev_id;
  return GXF_SUCCESS;
}

void CudaEvent::share(const CudaEvent& other) {
  event_ = other.event_;
  dev_id_ = other.dev_id_;
}

void CudaEvent::deinit() {
  event_.reset();
  dev_id_ = -1;
}

}  // namespace gxf
}  // namespace nvidia
