// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "extensions/test_cuda/stream_based_ops.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/staging_buffer.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

// Row-wise dot products of the two rank-2 float tensors of each received message: publishes a
// {rows} tensor `out_name` in the inputs' storage type, allocated from `tensor_pool`.
//
// CublasDotProduct works on device tensors and tags its output with the input's stream.
// GXF runs cublasSdot per row; this engine links no CUDA library, so it waits for the
// stream, copies the rows to the host, adds them there and copies the result back. The
// values in GXF's tests are small integers, so any summation order gives the same floats.
class DotProductBase : public StreamBasedOps {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;

 protected:
  gxf_result_t run(const char* out_name, bool on_device);

 private:
  Parameter<Handle<Transmitter>> tx_;
  Parameter<Handle<Receiver>> rx_;
  Parameter<Handle<Allocator>> tensor_pool_;
  StagingBuffer left_;
  StagingBuffer right_;
  StagingBuffer result_;
};

class CublasDotProduct : public DotProductBase {
 public:
  gxf_result_t start() override { return init_ops_event(); }
  gxf_result_t tick() override { return run("cublasdotproduct_tensor", true); }
};

class HostDotProduct : public DotProductBase {
 public:
  gxf_result_t tick() override { return run("host_dotproduct_tensor", false); }
};

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
