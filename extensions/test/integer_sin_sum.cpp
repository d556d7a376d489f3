// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/integer_sin_sum.hpp"

#include <cmath>

#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t IntegerSinSum::register_interface(Registrar* registrar) {
  registrar->parameter(count_, "count", "Count", "Number of sine terms to add");
  registrar->parameter(result_, "result", "Result", "Channel for the sum tensor");
  registrar->parameter(pool_, "pool", "Pool", "Allocator for the sum tensor");
  return GXF_SUCCESS;
}

gxf_result_t IntegerSinSum::tick() {
  double sum = 0.0;
  for (uint64_t i = 0; i < count_.get(); ++i) sum += std::sin(static_cast<double>(i));
  auto message = create_tensor_map(
      context(), pool_.get().get(),
      {{"sum", MemoryStorageType::kHost, Shape{1}, PrimitiveType::kFloat32}});
  if (!message) {
    return fail(message.error().code, "%s", message.error().what().c_str());
  }
  *message.value()->find<Tensor>("sum")->data<float>().value() = static_cast<float>(sum);
  result_->publish(message.value());
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
