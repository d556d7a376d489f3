// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/tensor_generator.hpp"

#include <chrono>
#include <limits>

#include "gxf/core/context.hpp"
#include "gxf/std/storage.hpp"
#include "gxf/std/tensor.hpp"
#include "gxf/std/timestamp.hpp"

namespace nvidia {
namespace gxf {
namespace test {

namespace {

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

gxf_result_t TensorGenerator::register_interface(Registrar* registrar) {
  registrar->parameter(output_, "output", "Output", "Channel for the generated messages");
  registrar->parameter(allocator_, "allocator", "Allocator", "Allocator for the tensors");
  registrar->parameter(shape_, "shape", "Shape", "Shape of each tensor");
  registrar->parameter(storage_type_, "storage_type", "Storage type",
                       "0 host, 1 device, 2 system", int32_t{0});
  registrar->parameter(enable_timestamps_, "enable_timestamps", "Enable timestamps",
                       "Add a Timestamp to each message", true);
  registrar->parameter(tensor_name_, "tensor_name", "Tensor Name",
                       "The name of the tensor in the output message.", std::string("tensor"));
  registrar->parameter(timestamp_name_, "timestamp_name", "Timestamp Name",
                       "The name of the timestamp in the output message.",
                       std::string("timestamp"));
  registrar->parameter(number_of_tensors_, "number_of_tensors", "Number of Tensors",
                       "number of tensors to be generated in the message.", int32_t{1});
  return GXF_SUCCESS;
}

gxf_result_t TensorGenerator::initialize() {
  if (shape_.get().size() > Shape::kMaxRank) {
    return fail(GXF_PARAMETER_OUT_OF_RANGE, "shape has more than %u dimensions", Shape::kMaxRank);
  }
  if (storage_type_.get() < 0 || storage_type_.get() > 2) {
    return fail(GXF_PARAMETER_OUT_OF_RANGE, "storage_type must be 0, 1 or 2, got %d",
                static_cast<int>(storage_type_.get()));
  }
  generator_ = std::default_random_engine();  // same sequence on every activation
  return GXF_SUCCESS;
}

gxf_result_t TensorGenerator::fill(Tensor* tensor) {
  std::uniform_real_distribution<float> distribution(std::numeric_limits<float>::min(),
                                                     std::numeric_limits<float>::max());
  const uint64_t count = tensor->element_count();
  float* values = staging_.reserve_as<float>(count);
  if (!values) return GXF_OUT_OF_MEMORY;
  for (uint64_t i = 0; i < count; ++i) values[i] = distribution(generator_);
  return copy_storage(tensor->pointer(), tensor->storage_type(), values,
                      MemoryStorageType::kHost, count * sizeof(float));
}

gxf_result_t TensorGenerator::tick() {
  EntityRef message = context()->create_message();
  const int64_t acqtime = now_ns();
  const Shape shape(shape_.get());
  for (int32_t i = 0; i < number_of_tensors_.get(); ++i) {
    Tensor* tensor = context()->add_message_component<Tensor>(message.get(), tensor_name_.get());
    if (!tensor) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
    gxf_result_t code = tensor->reshape<float>(
        shape, static_cast<MemoryStorageType>(storage_type_.get()), allocator_.get().get());
    if (code == GXF_SUCCESS) code = fill(tensor);
    if (code != GXF_SUCCESS) return code;
  }
  if (enable_timestamps_.get()) {
    auto* timestamp =
        context()->add_message_component<Timestamp>(message.get(), timestamp_name_.get());
    if (!timestamp) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
    timestamp->acqtime = acqtime;
    timestamp->pubtime = now_ns();
  }
  return output_->publish(message);
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
