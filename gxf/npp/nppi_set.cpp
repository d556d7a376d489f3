// SPDX-License-Identifier: Apache-2.0
#include "gxf/npp/nppi_set.hpp"

#include "gxf/std/staging_buffer.hpp"
#include "gxf/std/storage.hpp"
#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t NppiSet::register_interface(Registrar* registrar) {
  registrar->parameter(rows_, "rows", "Rows", "Image height");
  registrar->parameter(columns_, "columns", "Columns", "Image width");
  registrar->parameter(channels_, "channels", "Channels", "Values per pixel");
  registrar->parameter(pool_, "pool", "Pool", "Allocator for the output tensor");
  registrar->parameter(value_, "value", "Value", "One value per channel");
  registrar->parameter(out_, "out", "Output", "Channel for the output tensor");
  return GXF_SUCCESS;
}

gxf_result_t NppiSet::make_image(size_t bytes) {
  if (image_ && image_bytes_ == bytes) return GXF_SUCCESS;
  StagingBuffer pixels;
  float* values = pixels.reserve_as<float>(bytes / sizeof(float));
  if (!values) return GXF_OUT_OF_MEMORY;
  const auto& value = value_.get();
  for (size_t i = 0; i < bytes / sizeof(float); ++i) {
    values[i] = static_cast<float>(value[i % value.size()]);
  }
  free_storage(MemoryStorageType::kDevice, image_);
  image_ = nullptr;
  gxf_result_t code = allocate_storage(MemoryStorageType::kDevice, bytes, 0, &image_);
  if (code != GXF_SUCCESS) return code;
  image_bytes_ = bytes;
  return copy_storage(image_, MemoryStorageType::kDevice, values, MemoryStorageType::kHost, bytes);
}

gxf_result_t NppiSet::deinitialize() {
  free_storage(MemoryStorageType::kDevice, image_);
  image_ = nullptr;
  image_bytes_ = 0;
  return GXF_SUCCESS;
}

gxf_result_t NppiSet::tick() {
  const int32_t rows = rows_.get();
  const int32_t columns = columns_.get();
  const int32_t channels = channels_.get();
  if (static_cast<int32_t>(value_.get().size()) != channels) return GXF_ARGUMENT_INVALID;
  auto message = create_tensor_map(
      context(), pool_.get().get(),
      {{"", MemoryStorageType::kDevice, Shape{rows, columns, channels}, PrimitiveType::kFloat32}});
  if (!message) {
    return fail(message.error().code, "%s", message.error().what().c_str());
  }
  Tensor* tensor = message.value()->find<Tensor>();
  const size_t bytes = static_cast<size_t>(rows) * columns * channels * sizeof(float);
  gxf_result_t code = make_image(bytes);
  if (code == GXF_SUCCESS) {
    code = copy_storage(tensor->pointer(), tensor->storage_type(), image_,
                        MemoryStorageType::kDevice, bytes);
  }
  if (code != GXF_SUCCESS) return code;
  return out_->publish(message.value());
}

}  // namespace gxf
}  // namespace nvidia
