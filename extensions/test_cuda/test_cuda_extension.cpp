// SPDX-License-Identifier: Apache-2.0
// Registration table of GXF's CUDA test extension (libgxf_test_cuda.so).
#include "extensions/test_cuda/cuda_buffer_codelets.hpp"
#include "extensions/test_cuda/dot_product.hpp"
#include "extensions/test_cuda/mem_cpy_to_host.hpp"
#include "extensions/test_cuda/stream_tensor_generator.hpp"
#include "extensions/test_cuda/verify_equal.hpp"
#include "gxf/core/extension.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

namespace {

void test_cuda_extension_factory(Extension& ext) {
  ext.set_info({0x469d921446a5431a, 0xb7b59e598d9fc1db}, "TestCudaExtension",
               "Testing Cuda related components", "NVIDIA-compatible", "1.6.0", "Apache-2.0");
  ext.add<StreamBasedOps, Codelet>("nvidia::gxf::test::cuda::StreamBasedOps",
                                   {0x638a175249f04a31, 0x821781ce387896db},
                                   "A base class of cuda streams ops");
  ext.add<StreamTensorGenerator, StreamBasedOps>("nvidia::gxf::test::cuda::StreamTensorGenerator",
                                                 {0x3a5f0f097bcf49c3, 0xa5437e488fa251f7},
                                                 "Generates cuda tensors with cuda stream id");
  ext.add<CublasDotProduct, StreamBasedOps>("nvidia::gxf::test::cuda::CublasDotProduct",
                                            {0xfbe004939d8d4b4e, 0x9d85e9fddee218be},
                                            "Dot product of device tensors");
  ext.add<HostDotProduct, Codelet>("nvidia::gxf::test::cuda::HostDotProduct",
                                   {0xd877d6f9b72e414b, 0x8e9c52a5aa0bcc1c},
                                   "CPU dot product calculation");
  ext.add<MemCpy2Host, StreamBasedOps>("nvidia::gxf::test::cuda::MemCpy2Host",
                                       {0x4286872912cd4cae, 0xb0ea83d18715d774},
                                       "Mem copy device to host async");
  ext.add<VerifyEqual, Codelet>("nvidia::gxf::test::cuda::VerifyEqual",
                                {0xe578e5bd15434de4, 0x8ed625fd24354ac0},
                                "Verify whether 2 input tensors same");
  ext.add<CudaAsyncBufferGenerator, Codelet>("nvidia::gxf::test::cuda::CudaAsyncBufferGenerator",
                                             {0x293190785f1a11ef, 0xa3d097895e79aba6},
                                             "Generates cuda buffers allocated asynchronously");
  ext.add<Convolve2D, Codelet>("nvidia::gxf::test::cuda::Convolve2D",
                               {0x4f2240205f1a11ef, 0xa0be4fd9265eca79},
                               "2D convolution of incoming CudaBuffer objects");
  ext.add<CudaBufferRx, Codelet>("nvidia::gxf::test::cuda::CudaBufferRx",
                                 {0x7468fe005f7e11ef, 0xbd4d2ba0f2a6467a},
                                 "Receives cuda buffers and checks their data is available");
}

}  // namespace

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_test_cuda.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::test::cuda::test_cuda_extension_factory(extension); }
