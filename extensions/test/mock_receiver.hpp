// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>

#include "extensions/test/mock_queue.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// A receiver for tests: one stage, so a delivered message is receivable at once (back_size is
// always 0); optional forced failures; deinitialize() fails while delivered messages were
// never received, unless ignore_unreceived_entities is set.
class MockReceiver : public Receiver {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  EntityRef receive() override;
  gxf_result_t push(const EntityRef& message) override { return queue_.push(message); }
  EntityRef peek(size_t index) const override { return queue_.peek(index); }
  EntityRef peek_back(size_t index) const override { return EntityRef(); }
  gxf_result_t sync() override;
  size_t size() const override { return queue_.size(); }
  size_t back_size() const override { return 0; }
  size_t capacity() const override { return queue_.capacity(); }

 private:
  Parameter<bool> ignore_unreceived_entities_;
  Parameter<bool> fail_on_receive_;
  Parameter<bool> fail_on_sync_;
  Parameter<uint64_t> max_capacity_;

  MockQueue queue_;
  std::atomic<uint64_t> received_{0};
  std::atomic<uint64_t> syncs_{0};
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
