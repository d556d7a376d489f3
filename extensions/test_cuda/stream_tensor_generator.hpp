// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "extensions/test_cuda/stream_based_ops.hpp"
#include "gxf/cuda/cuda_stream_pool.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

// Each tick publishes two float tensors {1024, 2048} filled with (i % 100) + 1 twice: in
// device memory on `cuda_tx` (tagged with its stream "CudaStream0") and in host memory on
// `host_tx`. The stream comes from `stream_pool` at initialize().
class StreamTensorGenerator : public StreamBasedOps {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Transmitter>> cuda_tx_;
  Parameter<Handle<Transmitter>> host_tx_;
  Parameter<Handle<Allocator>> cuda_tensor_pool_;
  Parameter<Handle<Allocator>> host_tensor_pool_;
  Parameter<Handle<CudaStreamPool>> stream_pool_;
  CudaStream* stream_ = nullptr;
};

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
