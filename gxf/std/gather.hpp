// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Moves messages from every receiver of its entity (component order) to `sink`, up to
// tick_source_limit per receiver and tick (0 = all).
class Gather : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Transmitter>> sink_;
  Parameter<std::vector<Handle<Receiver>>> sources_;
  Parameter<int64_t> tick_source_limit_;
  std::vector<Receiver*> receivers_;
};

}  // namespace gxf
}  // namespace nvidia
