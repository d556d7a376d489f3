// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>

#include "gxf/core/spin_lock.hpp"
#include "gxf/std/double_buffer_parameters.hpp"

#include "gxf/std/gems/staging_queue.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {

// Receiver with GXF's double-buffered queue. The router pushes into the back stage from any
// thread; the owner's sync() at tick start makes them receivable.
class DoubleBufferReceiver : public Receiver {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  EntityRef receive() override;
  gxf_result_t push(const EntityRef& message) override;
  EntityRef peek(size_t index) const override;
  EntityRef peek_back(size_t index) const override;
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
