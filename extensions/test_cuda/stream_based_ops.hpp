// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/entity.hpp"
#include "gxf/cuda/cuda_event.hpp"
#include "gxf/cuda/cuda_stream.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

// Base of the CUDA test codelets: tensors, the message's stream and an event ("ops event",
// created at start) that each output message carries.
class StreamBasedOps : public Codelet {
 public:
  // The CudaStream named by the message's CudaStreamId; null (and a log) when absent.
  CudaStream* stream_of(Entity* message) const;
  // Tags `message` with `stream` (a CudaStreamId named `name`).
  gxf_result_t add_stream(Entity* message, CudaStream* stream, const std::string& name = {});
  // Adds a tensor allocated per `description`; null on failure.
  Tensor* add_tensor(Entity* message, Allocator* pool, const TensorDescription& description);
  // Adds a CudaEvent named `name` sharing the ops event; records it on `stream` if given.
  gxf_result_t add_event(Entity* message, const std::string& name, CudaStream* stream = nullptr);
  // Creates the ops event (call from start()).
  gxf_result_t init_ops_event();

 private:
  CudaEvent ops_event_;
};

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
