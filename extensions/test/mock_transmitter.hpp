// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "extensions/test/mock_queue.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// A transmitter for tests: one stage (back_size is always 0), optional forced failures, and a
// deinitialize() that fails while published messages were never taken by the router, unless
// ignore_unpublished_entities is set.
class MockTransmitter : public Transmitter {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  gxf_result_t publish(const EntityRef& message) override;
  bool pop(EntityRef* message) override { return end_.queue.pop(message); }
  gxf_result_t sync() override { return end_.sync(); }
  size_t size() const override { return end_.queue.size(); }
  size_t back_size() const override { return 0; }
  size_t capacity() const override { return end_.queue.capacity(); }

 private:
  Parameter<bool> fail_on_publish_;
  MockQueueEnd end_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
