// SPDX-License-Identifier: Apache-2.0
#pragma once

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
  gxf_result_t push(const EntityRef& message) override { return end_.queue.push(message); }
  EntityRef peek(size_t index) const override { return end_.queue.peek(index); }
  EntityRef peek_back(size_t index) const override { return EntityRef(); }
  gxf_result_t sync() override { return end_.sync(); }
  size_t size() const override { return end_.queue.size(); }
  size_t back_size() const override { return 0; }
  size_t capacity() const override { return end_.queue.capacity(); }

 private:
  Parameter<bool> fail_on_receive_;
  MockQueueEnd end_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
