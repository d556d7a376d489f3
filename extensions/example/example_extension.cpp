// SPDX-License-Identifier: Apache-2.0
// An extension built the way a user builds one: public headers, one factory macro, loaded by
// path from a manifest. Its codelet multiplies a running counter and publishes it.
#include "gxf/core/context.hpp"
#include "gxf/core/extension.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/transmitter.hpp"

namespace example {

using nvidia::gxf::Codelet;
using nvidia::gxf::EntityRef;
using nvidia::gxf::Handle;
using nvidia::gxf::Parameter;
using nvidia::gxf::Registrar;
using nvidia::gxf::Transmitter;

// Publishes an empty message every tick and counts; fails at stop() if it ticked fewer than
// `expected_ticks` times, so a graph using it checks itself.
class CountingPinger : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override {
    registrar->parameter(signal_, "signal", "Signal", "Transmitter to publish on");
    registrar->parameter(expected_ticks_, "expected_ticks", "Expected ticks",
                         "Ticks required by stop()", int64_t{0});
    return GXF_SUCCESS;
  }
  gxf_result_t tick() override {
    ++ticks_;
    EntityRef message = context()->create_message();
    return signal_->publish(message, 0);
  }
  gxf_result_t stop() override {
    GXF_LOG_INFO("CountingPinger ticked %ld times", static_cast<long>(ticks_));
    if (ticks_ >= expected_ticks_.get()) return GXF_SUCCESS;
    // fail() keeps the reason with the code: it reaches the user's exception and gxe's stderr.
    return fail(GXF_FAILURE, "ticked %ld times, expected at least %ld", static_cast<long>(ticks_),
                static_cast<long>(expected_ticks_.get()));
  }

 private:
  Parameter<Handle<Transmitter>> signal_;
  Parameter<int64_t> expected_ticks_;
  int64_t ticks_ = 0;
};

}  // namespace example

GXF_EXTENSION_FACTORY(extension) {
  extension.set_info({0x3f2a1c9e8b7d4e60, 0x9a1b2c3d4e5f6071}, "ExampleExtension",
                     "A user-style extension loaded by path", "gxf-engine", "1.0.0", "Apache-2.0");
  extension.add<example::CountingPinger, nvidia::gxf::Codelet>(
      "example::CountingPinger", {0x3f2a1c9e8b7d4e61, 0x9a1b2c3d4e5f6072},
      "Publishes a message per tick and checks its tick count at stop");
}
