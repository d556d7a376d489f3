// SPDX-License-Identifier: Apache-2.0
// The CUDA extension's registration table (libgxf_cuda.so). Its components need a GPU only
// when they run; the extension loads anywhere.
#include "gxf/core/extension.hpp"
#include "gxf/cuda/cuda_allocator.hpp"
#include "gxf/cuda/cuda_buffer.hpp"
#include "gxf/cuda/cuda_event.hpp"
#include "gxf/cuda/cuda_scheduling_terms.hpp"
#include "gxf/cuda/cuda_stream.hpp"
#include "gxf/cuda/cuda_stream_id.hpp"
#include "gxf/cuda/cuda_stream_pool.hpp"
#include "gxf/cuda/cuda_stream_sync.hpp"
#include "gxf/cuda/stream_ordered_allocator.hpp"
#include "gxf/std/codelet.hpp"

namespace nvidia {
namespace gxf {

namespace {

void cuda_extension_factory(Extension& ext) {
  ext.set_info({0xd63a98fa788211eb, 0xa917b38f664f399c}, "CudaExtension",
               "Cuda related components in Gxf Core", "NVIDIA-compatible", "2.6.0", "Apache-2.0");
  ext.add<CudaStream, Component>("nvidia::gxf::CudaStream",
                                 {0x5683d692788411eb, 0x9338c3be62d576be},
                                 "Provides access to cuda stream handle.");
  ext.add<CudaStreamId, Component>("nvidia::gxf::CudaStreamId",
                                   {0x7982aeac37f141be, 0xade86f00b4b5d47c},
                                   "Provides access to deduce cuda stream handle.");
  ext.add<CudaEvent, Component>("nvidia::gxf::CudaEvent", {0xf5388d5ca70947e7, 0x86c4171779bc64f3},
                                "Provides access to cuda event.");
  ext.add<CudaStreamPool, Allocator>("nvidia::gxf::CudaStreamPool",
                                     {0x6733bf8bba5e4fae, 0xb596af2d1269d0e7},
                                     "A Cuda stream pool provides stream allocation");
  ext.add<CudaStreamSync, Codelet>("nvidia::gxf::CudaStreamSync",
                                   {0x0d1d81426648485d, 0x97d5277eed00129c},
                                   "Synchronize all cuda streams which are carried by message "
                                   "entities");
  ext.add<CudaStreamSchedulingTerm, SchedulingTerm>(
      "nvidia::gxf::CudaStreamSchedulingTerm", {0x7397a4aaa4e94b6c, 0x850664d7c18c17ae},
      "Data is ready once the work on the message's cuda stream is done (host callback)");
  ext.add<CudaEventSchedulingTerm, SchedulingTerm>(
      "nvidia::gxf::CudaEventSchedulingTerm", {0xc2122c2d07454260, 0xb110514c3f4e82f9},
      "Data is ready once the message's cuda event completed (polling)");
  ext.add<CudaBuffer, Component>("nvidia::gxf::CudaBuffer", {0x3b1098305f1e11ef, 0x8393c336b6b55546},
                                 "A single block of cuda memory with asynchronous allocation");
  ext.add<CudaAllocator, Allocator>("nvidia::gxf::CudaAllocator",
                                    {0x04f22de65f1d11ef, 0x9c8a373b588897af},
                                    "Async memory allocator interface based on cuda");
  ext.add<StreamOrderedAllocator, CudaAllocator>(
      "nvidia::gxf::StreamOrderedAllocator", {0x63d1d16813d711ef, 0x931a0be4a6378384},
      "Allocator based on Cuda Stream Ordered Memory Pools");
  ext.add<CudaBufferAvailableSchedulingTerm, SchedulingTerm>(
      "nvidia::gxf::CudaBufferAvailableSchedulingTerm", {0xedab61b65f7611ef, 0xba73cfbc18c46142},
      "Data is ready once the message's cuda buffer is available (host callback)");
}

}  // namespace

}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_cuda.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::cuda_extension_factory(extension); }
