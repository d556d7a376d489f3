// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>

#include "gxf/core/component.hpp"
#include "gxf/std/gems/cuda_driver/cuda_driver.hpp"

namespace nvidia {
namespace gxf {

// Message component holding a CUDA event, e.g. recorded after the work that produced a
// message's data (CudaEventSchedulingTerm waits for it). Several CudaEvent components may
// share one event; it is destroyed with the last of them, or never when wrapped without a
// destroy function.
class CudaEvent : public Component {
 public:
  using DestroyFunction = std::function<void(CudaEventHandle)>;

  ~CudaEvent() override { deinit(); }

  // Creates a new event (flags as for cuEventCreate) on `dev_id` (-1: device 0).
  gxf_result_t init(uint32_t flags = 0, int dev_id = -1);
  // Wraps an existing event; `destroy` (may be empty) runs when the last sharer lets go.
  gxf_result_t init_with_event(CudaEventHandle event, int dev_id = -1,
                               DestroyFunction destroy = nullptr);
  // Shares the event of another CudaEvent.
  void share(const CudaEvent& other);
  void deinit();

  CudaEventHandle event() const { return event_ ? event_.get() : nullptr; }
  // The shared event itself: holding it keeps the event alive.
  const std::shared_ptr<void>& shared_event() const { return event_; }
  int dev_id() const { return dev_id_; }

 private:
  std::shared_ptr<void> event_;
  int dev_id_ = -1;
};

}  // namespace gxf
}  // namespace nvidia
