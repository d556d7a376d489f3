// SPDX-License-Identifier: Apache-2.0
#include "gxf/npp/nppi_mul_c.hpp"

#include "gxf/core/logger.hpp"
#include "gxf/std/storage.hpp"
#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t NppiMulC::register_interface(Registrar* registrar) {
  registrar->parameter(in_, "in", "Input", "Channel of the input tensors");
  registrar->parameter(factor_, "factor", "Factor", "One factor per channel");
  registrar->parameter(pool_, "pool", "Pool", "Allocator for the output tensor");
  registrar->parameter(out_, "out", "Output", "Channel for the output tensor");
  return GXF_SUCCESS;
}

gxf_result_t NppiMulC::tick() {
  EntityRef input = in_->receive();
  if (!input) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  const Tensor* in = input->find<Tensor>();
  if (!in) return GXF_ENTITY_COMPONENT_NOT_FOUND;
  if (in->storage_type() != MemoryStorageType::kDevice) return GXF_MEMORY_INVALID_STORAGE_MODE;
  if (in->element_type() != PrimitiveType::kFloat32) return GXF_INVALID_DATA_FORMAT;
  const int32_t channels = in->shape().dimension(2);
  if (static_cast<int32_t>(factor_.get().size()) != channels) return GXF_ARGUMENT_INVALID;
  auto message = create_tensor_map(
      context(), pool_.get().get(),
      {{"", MemoryStorageType::kDevice, in->shape(), PrimitiveType::kFloat32}});
  if (!message) return message.error().code;
  Tensor* out = message.value()->find<Tensor>();
  const size_t count = in->element_count();
  float* pixels = pixels_.reserve_as<float>(count);
  if (!pixels) return GXF_OUT_OF_MEMORY;
  gxf_result_t code = copy_storage(pixels, MemoryStorageType::kHost, in->pointer(),
                                   in->storage_type(), count * sizeof(float));
  if (code != GXF_SUCCESS) return code;
  for (size_t i = 0; i < count; ++i) pixels[i] *= static_cast<float>(factor_.get()[i % channels]);
  code = copy_storage(out->pointer(), out->storage_type(), pixels, MemoryStorageType::kHost,
                      count * sizeof(float));
  if (code != GXF_SUCCESS) return code;
  return out_->publish(message.value());
}

}  // namespace gxf
}  // namespace nvidia
