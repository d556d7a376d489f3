// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>

#include "gxf/core/spin_lock.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {

// A "latest value" inbox: receive() returns the freshest message without consuming it, so a
// consumer may read the same message again, or miss some, but never waits. Before the first
// message receive() returns an empty reference. Size is always 1, back size 0; no peeking.
class AsyncBufferReceiver : public Receiver {
 public:
  EntityRef receive() override;
  gxf_result_t push(const EntityRef& message) override;
  EntityRef peek(size_t index) const override { return EntityRef(); }
  EntityRef peek_back(size_t index) const override { return EntityRef(); }
  gxf_result_t sync() override { return GXF_SUCCESS; }
  size_t size() const override { return 1; }
  size_t back_size() const override { return 0; }
  size_t capacity() const override { return 1; }
  gxf_result_t deinitialize() override;

 private:
  mutable SpinLock lock_;
  EntityRef latest_;
};

}  // namespace gxf
}  // namespace nvidia
