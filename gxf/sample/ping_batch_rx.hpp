// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {

// Receives `batch_size` messages per tick; with assert_full_batch a missing one fails the tick.
class PingBatchRx : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> signal_;
  Parameter<int64_t> batch_size_;
  Parameter<bool> assert_full_batch_;
};

}  // namespace gxf
}  // namespace nvidia
