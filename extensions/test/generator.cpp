// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/generator.hpp"

#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t Generator::register_interface(Registrar* registrar) {
  registrar->parameter(integers_, "integers", "Integers", "Channel for the integer tensors");
  registrar->parameter(fibonacci_, "fibonacci", "Fibonacci", "Channel for the Fibonacci tensor");
  registrar->parameter(pool_, "pool", "Pool", "Allocator for the tensors");
  return GXF_SUCCESS;
}

gxf_result_t Generator::tick() {
  gxf_result_t code = publish_integers();
  if (code != GXF_SUCCESS) return code;
  return publish_fibonacci();
}

gxf_result_t Generator::publish_integers() {
  auto message = create_tensor_map(
      context(), pool_.get().get(),
      {{"positive", MemoryStorageType::kHost, Shape{2, 3, 4}, PrimitiveType::kInt32},
       {"negative", MemoryStorageType::kHost, Shape{2, 3, 4}, PrimitiveType::kInt32}});
  if (!message) {
    return fail(message.error().code, "%s", message.error().what().c_str());
  }
  int32_t* positive = message.value()->find<Tensor>("positive")->data<int32_t>().value();
  int32_t* negative = message.value()->find<Tensor>("negative")->data<int32_t>().value();
  for (int32_t i = 0; i < 24; ++i) {
    positive[i] = i;
    negative[i] = -i;
  }
  integers_->publish(message.value());
  return GXF_SUCCESS;
}

gxf_result_t Generator::publish_fibonacci() {
  auto message = create_tensor_map(
      context(), pool_.get().get(),
      {{"fibonacci", MemoryStorageType::kHost, Shape{8}, PrimitiveType::kFloat32}});
  if (!message) {
    return fail(message.error().code, "%s", message.error().what().c_str());
  }
  float* values = message.value()->find<Tensor>("fibonacci")->data<float>().value();
  values[0] = 0;
  values[1] = 1;
  for (int i = 2; i < 8; ++i) values[i] = values[i - 1] + values[i - 2];
  fibonacci_->publish(message.value());
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
