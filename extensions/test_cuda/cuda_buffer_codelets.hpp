// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <random>
#include <vector>

#include "gxf/cuda/cuda_allocator.hpp"
#include "gxf/cuda/cuda_stream_pool.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

// Each tick publishes a message with a CudaBuffer "cuda_buffer" of `size` bytes allocated in
// stream order from `allocator`, filled with random floats by an asynchronous copy.
class CudaAsyncBufferGenerator : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Transmitter>> signal_;
  Parameter<Handle<CudaAllocator>> allocator_;
  Parameter<Handle<CudaStreamPool>> stream_pool_;
  Parameter<uint64_t> size_;
  std::default_random_engine generator_;
  std::vector<float> staging_;
};

// 2D convolution (32x32 floats) of each received CudaBuffer with `kernel` into a new
// CudaBuffer on the same stream, which the output message takes over (CudaStreamId).
// GXF runs a CUDA kernel; this engine compiles no device code, so it waits for the stream,
// convolves on the host and copies the result into the output buffer.
class Convolve2D : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<CudaAllocator>> allocator_;
  Parameter<std::vector<std::vector<float>>> kernel_;
  Parameter<Handle<Transmitter>> output_;
  Parameter<Handle<Receiver>> input_;
  std::vector<float> input_values_;
  std::vector<float> output_values_;
  int64_t count_ = 0;
};

// Receives a message with a CudaBuffer and fails unless its data is available.
class CudaBufferRx : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> signal_;
  int64_t count_ = 0;
};

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
