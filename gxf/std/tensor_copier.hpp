// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/parameter.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Receives a message, moves every Tensor in it to the storage type chosen by `mode` (0 device,
// 1 host, 2 system) with memory from `allocator`, leaving tensors already there untouched,
// then publishes the same message.
class TensorCopier : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> receiver_;
  Parameter<Handle<Transmitter>> transmitter_;
  Parameter<Handle<Allocator>> allocator_;
  Parameter<int32_t> mode_;
};

}  // namespace gxf
}  // namespace nvidia
