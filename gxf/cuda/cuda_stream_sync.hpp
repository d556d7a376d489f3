// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/parameter.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Receives a message, waits for every CUDA stream its CudaStreamId components name, then
// forwards the message to `tx` (if set): downstream host code can read the data safely.
class CudaStreamSync : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> rx_;
  Parameter<Handle<Transmitter>> tx_;
};

}  // namespace gxf
}  // namespace nvidia
