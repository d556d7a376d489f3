// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>

#include "gxf/core/spin_lock.hpp"
#include "gxf/std/double_buffer_parameters.hpp"

#include "gxf/std/gems/staging_queue.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Transmitter with GXF's double-buffered queue (capacity per stage, policy 0 pop / 1 reject /
// 2 fault).
class DoubleBufferTransmitter : public Transmitter {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  using Transmitter::publish;
  gxf_result_t publish(const EntityRef& message) override;
  bool pop(EntityRef* message) override;
  gxf_result_t sync() override;
  size_t size() const override;
  size_t back_size() const override;
  size_t capacity() const override { return parameters_.capacity.get(); }

 protected:  // the UCX extension's queues extend these
  DoubleBufferParameters parameters_;

 private:
  mutable SpinLock mutex_;
  StagingQueue<EntityRef> queue_;
};

}  // namespace gxf
}  // namespace nvidia
