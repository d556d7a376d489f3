// SPDX-License-Identifier: Apache-2.0
#include "extensions/test_cuda/cuda_buffer_codelets.hpp"

#include <limits>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/cuda/cuda_buffer.hpp"
#include "gxf/cuda/cuda_stream_id.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

namespace {

constexpr const char* kBufferName = "cuda_buffer";
constexpr int kImageSize = 32;  // images are kImageSize x kImageSize floats

}  // namespace

gxf_result_t CudaAsyncBufferGenerator::register_interface(Registrar* registrar) {
  registrar->parameter(signal_, "signal", "Signal", "Channel for the generated buffers");
  registrar->parameter(allocator_, "allocator", "Allocator", "Stream-ordered device allocator");
  registrar->parameter(stream_pool_, "stream_pool", "StreamPool", "Pool of CUDA streams");
  registrar->parameter(size_, "size", "Size", "Bytes per buffer", uint64_t{1});
  return GXF_SUCCESS;
}

gxf_result_t CudaAsyncBufferGenerator::tick() {
  EntityRef message = context()->create_message();
  auto* buffer = context()->add_message_component<CudaBuffer>(message.get(), kBufferName);
  if (!buffer) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
  gxf_result_t code =
      buffer->resize_async(allocator_.get().get(), stream_pool_.get().get(), size_.get());
  if (code != GXF_SUCCESS) return code;
  std::uniform_real_distribution<float> distribution(std::numeric_limits<float>::min(),
                                                     std::numeric_limits<float>::max());
  staging_.resize(size_.get() / sizeof(float));
  for (float& value : staging_) value = distribution(generator_);
  // From pageable memory cuMemcpyAsync returns once the source was staged: staging_ is free.
  code = CudaDriver::instance().copy_async(buffer->pointer(), staging_.data(),
                                           staging_.size() * sizeof(float),
                                           buffer->stream()->stream());
  if (code != GXF_SUCCESS) return code;
  signal_->publish(message);
  GXF_LOG_INFO("Message Sent");
  return GXF_SUCCESS;
}

gxf_result_t Convolve2D::register_interface(Registrar* registrar) {
  registrar->parameter(kernel_, "kernel", "Kernel", "Square matrix of weights");
  registrar->parameter(output_, "output", "Output", "Channel for the convolved buffers");
  registrar->parameter(input_, "input", "Input", "Channel of the buffers to convolve");
  registrar->parameter(allocator_, "allocator", "Allocator", "Stream-ordered device allocator");
  return GXF_SUCCESS;
}

gxf_result_t Convolve2D::start() {
  for (const auto& row : kernel_.get()) {
    if (row.size() != kernel_.get().size()) {
      return fail(GXF_PARAMETER_OUT_OF_RANGE, "the kernel must be square");
    }
  }
  return GXF_SUCCESS;
}

gxf_result_t Convolve2D::tick() {
  EntityRef input = input_->receive();
  GXF_LOG_INFO("Message Received: %ld", static_cast<long>(++count_));
  if (!input) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  auto* in_buffer = input->find<CudaBuffer>();
  if (!in_buffer || !in_buffer->stream()) return GXF_ENTITY_COMPONENT_NOT_FOUND;
  EntityRef output = context()->create_message();
  auto* out_buffer = context()->add_message_component<CudaBuffer>(output.get(), kBufferName);
  if (!out_buffer) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
  CudaStreamPool* pool = in_buffer->stream_pool();
  CudaStream* stream = in_buffer->transfer_stream_ownership();
  gxf_result_t code =
      out_buffer->resize_async(allocator_.get().get(), pool, in_buffer->size(), stream);
  if (code != GXF_SUCCESS) return code;

  CudaDriver& cuda = CudaDriver::instance();
  code = cuda.stream_synchronize(stream->stream());
  const size_t count = in_buffer->size() / sizeof(float);
  input_values_.resize(count);
  output_values_.assign(count, 0.0f);
  if (code == GXF_SUCCESS) code = cuda.copy(input_values_.data(), in_buffer->pointer(), count * 4);
  if (code != GXF_SUCCESS) return code;
  const auto& kernel = kernel_.get();
  const int size = static_cast<int>(kernel.size());
  const int center = size / 2;
  for (int row = 0; row < kImageSize; ++row) {
    for (int col = 0; col < kImageSize; ++col) {
      if (static_cast<size_t>(row * kImageSize + col) >= count) continue;
      float sum = 0.0f;
      for (int i = 0; i < size; ++i) {
        for (int j = 0; j < size; ++j) {
          const int r = row + i - center;
          const int c = col + j - center;
          if (r < 0 || r >= kImageSize || c < 0 || c >= kImageSize) continue;
          if (static_cast<size_t>(r * kImageSize + c) >= count) continue;
          sum += input_values_[r * kImageSize + c] * kernel[i][j];
        }
      }
      output_values_[row * kImageSize + col] = sum;
    }
  }
  code = cuda.copy(out_buffer->pointer(), output_values_.data(), count * sizeof(float));
  if (code != GXF_SUCCESS) return code;
  auto* stream_id = context()->add_message_component<CudaStreamId>(output.get(), "");
  if (!stream_id) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
  stream_id->stream_cid = stream->cid();
  return output_->publish(output);
}

gxf_result_t CudaBufferRx::register_interface(Registrar* registrar) {
  registrar->parameter(signal_, "signal", "Signal", "Channel of the CudaBuffer messages");
  return GXF_SUCCESS;
}

gxf_result_t CudaBufferRx::tick() {
  EntityRef message = signal_->receive();
  GXF_LOG_INFO("Message Received: %ld", static_cast<long>(++count_));
  if (!message) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  const auto* buffer = message->find<CudaBuffer>();
  if (!buffer) return GXF_ENTITY_COMPONENT_NOT_FOUND;
  if (buffer->state() != CudaBuffer::State::kDataAvailable) {
    return fail(GXF_FAILURE, "CudaBuffer found in an invalid state %d",
                static_cast<int>(buffer->state()));
  }
  return GXF_SUCCESS;
}

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
