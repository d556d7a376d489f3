// SPDX-License-Identifier: Apache-2.0
#include "gxf/cuda/cuda_buffer.hpp"

namespace nvidia {
namespace gxf {

CudaBuffer::~CudaBuffer() { free_buffer(); }

void CudaBuffer::on_data_available(void* buffer) {
  auto* self = static_cast<CudaBuffer*>(buffer);
  State expected = State::kCallbackRegistered;
  self->state_.compare_exchange_strong(expected, State::kDataAvailable);
}

gxf_result_t CudaBuffer::free_buffer() {
  // The driver is named only where a stream exists: an unused buffer (a type-registry probe
  // makes and destroys one) must not initialise CUDA, 0.2 s on a GPU machine.
  if (stream_ && state_.load() == State::kCallbackRegistered) {
    // The callback must not outlive this buffer.
    CudaDriver::instance().stream_synchronize(stream_->stream());
  }
  state_ = State::kUnset;
  gxf_result_t code = GXF_SUCCESS;
  if (pointer_ && allocator_) code = allocator_->free_async(pointer_, stream_->stream());
  if (stream_ && stream_owner_.load() && stream_pool_) {
    CudaDriver::instance().stream_synchronize(stream_->stream());
    stream_pool_->release_stream(stream_);
  }
  pointer_ = nullptr;
  size_ = 0;
  allocator_ = nullptr;
  stream_ = nullptr;
  stream_pool_ = nullptr;
  stream_owner_ = true;
  return code;
}

gxf_result_t CudaBuffer::resize_async(CudaAllocator* allocator, CudaStreamPool* stream_pool,
                                      uint64_t size, CudaStream* stream) {
  if (!allocator || !stream_pool) return GXF_ARGUMENT_INVALID;
  gxf_result_t code = free_buffer();
  if (code != GXF_SUCCESS) return code;
  if (!stream) {
    auto allocated = stream_pool->allocate_stream();
    if (!allocated) return allocated.error().code;
    stream = allocated.value();
  }
  stream_ = stream;
  stream_pool_ = stream_pool;
  code = allocator->allocate_async(size, stream->stream(), &pointer_);
  if (code != GXF_SUCCESS) return code;
  allocator_ = allocator;
  size_ = size;
  state_ = State::kCallbackRegistered;
  code = CudaDriver::instance().launch_host_function(stream->stream(), &on_data_available, this);
  if (code != GXF_SUCCESS) state_ = State::kUnset;
  return code;
}

CudaStream* CudaBuffer::transfer_stream_ownership() {
  stream_owner_ = false;
  return stream_;
}

gxf_result_t CudaBuffer::register_callback_on_stream(CudaHostFunction function,
                                                     void* user_data) {
  if (!stream_) {
    return fail(GXF_FAILURE, "the buffer has no stream");
  }
  return CudaDriver::instance().launch_host_function(stream_->stream(), function, user_data);
}

}  // namespace gxf
}  // namespace nvidia
