// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Declares one route: every message published on `source` is delivered to `target`.
class Connection : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override {
    registrar->parameter(source_, "source", "Source", "Transmitter the messages come from");
    registrar->parameter(target_, "target", "Target", "Receiver the messages go to");
    return GXF_SUCCESS;
  }
  Transmitter* source() const { return source_.get().get(); }
  Receiver* target() const { return target_.get().get(); }

 private:
  Parameter<Handle<Transmitter>> source_;
  Parameter<Handle<Receiver>> target_;
};

}  // namespace gxf
}  // namespace nvidia
