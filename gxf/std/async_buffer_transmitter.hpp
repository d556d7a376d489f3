// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>

#include "gxf/core/spin_lock.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// A single-slot outbox for producers that must never wait: a new message replaces one not yet
// routed. Its capacity is always one more than its size, so DownstreamReceptive never blocks.
class AsyncBufferTransmitter : public Transmitter {
 public:
  using Transmitter::publish;
  gxf_result_t publish(const EntityRef& message) override;
  bool pop(EntityRef* message) override;
  gxf_result_t sync() override { return GXF_SUCCESS; }
  size_t size() const override;
  size_t back_size() const override { return 0; }
  size_t capacity() const override { return size() + 1; }
  gxf_result_t deinitialize() override;

 private:
  mutable SpinLock lock_;
  EntityRef slot_;
};

}  // namespace gxf
}  // namespace nvidia
