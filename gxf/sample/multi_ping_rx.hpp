// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {

// Each tick takes one message from every listed receiver whose main stage holds one.
class MultiPingRx : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<std::vector<Handle<Receiver>>> receivers_;
};

}  // namespace gxf
}  // namespace nvidia
