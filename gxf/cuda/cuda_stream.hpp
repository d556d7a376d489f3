// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "gxf/core/component.hpp"
#include "gxf/core/entity.hpp"
#include "gxf/std/gems/cuda_driver/cuda_driver.hpp"
#include "gxf/cuda/cuda_event.hpp"

namespace nvidia {
namespace gxf {

// A CUDA stream owned by a CudaStreamPool, living in an entity of its own so that messages
// can name it by component id (CudaStreamId::stream_cid).
class CudaStream : public Component {
 public:
  ~CudaStream() override;

  CudaStreamHandle stream() const { return stream_; }
  int dev_id() const { return dev_id_; }

  // Records `event` on the stream; `keep_alive` (e.g. the message whose data the work reads)
  // is held until the event completed and `on_done` (may be empty) ran, at the next
  // sync_stream() or reset_events().
  gxf_result_t record(CudaEvent* event, EntityRef keep_alive = EntityRef(),
                      std::function<void()> on_done = nullptr);
  // Waits for all work on the stream, then releases what record() kept.
  gxf_result_t sync_stream();
  // Releases what record() kept for events that already completed.
  gxf_result_t reset_events();

 private:
  friend class CudaStreamPool;
  gxf_result_t create(uint32_t flags, int dev_id, int32_t priority);
  void destroy();

  struct Pending {
    std::shared_ptr<void> event;  // keeps the event alive while it is watched
    CudaEventHandle handle;
    EntityRef keep_alive;
    std::function<void()> on_done;
  };

  CudaStreamHandle stream_ = nullptr;
  int dev_id_ = 0;
  std::mutex mutex_;
  std::vector<Pending> pending_;
};

}  // namespace gxf
}  // namespace nvidia
