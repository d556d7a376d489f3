// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "extensions/test_cuda/stream_based_ops.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

// Copies the first tensor of each received message to a new host tensor of the same name,
// asynchronously on the message's stream; the output carries that stream and an event
// ("memcpy_event") recorded after the copy, so consumers sync on either before reading.
class MemCpy2Host : public StreamBasedOps {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Transmitter>> tx_;
  Parameter<Handle<Receiver>> rx_;
  Parameter<Handle<Allocator>> tensor_pool_;
};

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
