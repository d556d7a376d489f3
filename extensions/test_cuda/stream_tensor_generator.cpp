// SPDX-License-Identifier: Apache-2.0
#include "extensions/test_cuda/stream_tensor_generator.hpp"

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/std/storage.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

gxf_result_t StreamTensorGenerator::register_interface(Registrar* registrar) {
  registrar->parameter(cuda_tx_, "cuda_tx", "transmitter of cuda tensors", "");
  registrar->parameter(host_tx_, "host_tx", "transmitter of host tensors", "",
                       kParameterFlagsOptional);
  registrar->parameter(cuda_tensor_pool_, "cuda_tensor_pool", "Cuda Tensor Pool", "");
  registrar->parameter(host_tensor_pool_, "host_tensor_pool", "Host Tensor Pool", "");
  registrar->parameter(stream_pool_, "stream_pool", "Cuda Stream Pool", "");
  return GXF_SUCCESS;
}

gxf_result_t StreamTensorGenerator::initialize() {
  auto stream = stream_pool_->allocate_stream();
  if (!stream) return stream.error().code;
  stream_ = stream.value();
  return GXF_SUCCESS;
}

gxf_result_t StreamTensorGenerator::deinitialize() {
  if (!stream_) return GXF_SUCCESS;
  gxf_result_t code = stream_pool_->release_stream(stream_);
  stream_ = nullptr;
  return code;
}

gxf_result_t StreamTensorGenerator::tick() {
  EntityRef device_message = context()->create_message();
  EntityRef host_message = context()->create_message();
  const Shape shape{1024, 2048};
  for (int i = 0; i < 2; ++i) {
    Tensor* device = add_tensor(device_message.get(), cuda_tensor_pool_.get().get(),
                                {"cuda_tensor", MemoryStorageType::kDevice, shape,
                                 PrimitiveType::kFloat32});
    Tensor* host = add_tensor(host_message.get(), host_tensor_pool_.get().get(),
                              {"host_tensor", MemoryStorageType::kHost, shape,
                               PrimitiveType::kFloat32});
    if (!device || !host) return GXF_FAILURE;
    float* values = host->data<float>().value();
    for (uint64_t j = 0; j < shape.size(); ++j) values[j] = static_cast<float>(j % 100) + 1.0f;
    gxf_result_t code = copy_storage(device->pointer(), MemoryStorageType::kDevice, values,
                                     MemoryStorageType::kHost, device->size());
    if (code != GXF_SUCCESS) return code;
  }
  gxf_result_t code = add_stream(device_message.get(), stream_, "CudaStream0");
  if (code != GXF_SUCCESS) return code;
  code = cuda_tx_->publish(device_message);
  if (code != GXF_SUCCESS) return code;
  if (host_tx_.is_set() && host_tx_.get()) return host_tx_->publish(host_message);
  return GXF_SUCCESS;
}

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
