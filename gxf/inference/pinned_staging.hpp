// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <memory>

#include "gxf/core/expected.hpp"
#include "gxf/std/gems/cuda_driver/cuda_driver.hpp"
#include "gxf/std/memory_buffer.hpp"
#include "gxf/std/staging_buffer.hpp"

namespace nvidia {
namespace gxf {

// Page-locked buffers that host frames are stacked into for a model on the GPU, two in turn.
//
// From pageable memory a host-to-device copy goes through the driver's own staging and the
// caller waits for it, and so for everything queued on the stream before it: host and GPU take
// turns. Stacked straight into page-locked memory (the one pass over the frames stacking needs
// anyway), a batch is copied without waiting, and the host stacks the next one while the GPU
// runs this one. A buffer is written again only once the copy that read it has finished (the
// event recorded behind it): the host waits only when it is two batches ahead of the GPU.
class PinnedStaging {
 public:
  PinnedStaging();
  ~PinnedStaging();
  PinnedStaging(PinnedStaging&&) noexcept = default;

  // The next buffer, of at least `bytes`, once its last copy has finished.
  Expected<byte*> next(int device, size_t bytes);
  // The copy out of the buffer next() returned has been queued on `stream`.
  gxf_result_t copied(CudaStreamHandle stream);

 private:
  struct Slot {
    StagingBuffer buffer;  // page-locked where CUDA is (the only place this is used)
    CudaEventHandle copied = nullptr;
    bool pending = false;  // `copied` recorded and not yet waited for
  };
  std::unique_ptr<std::array<Slot, 2>> slots_;  // held apart: buffers do not move
  size_t current_ = 0;
  size_t next_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
