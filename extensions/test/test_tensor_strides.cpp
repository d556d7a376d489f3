// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/test_tensor_strides.hpp"

#include <string>

#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {
namespace test {

namespace {

struct ExpectedLayout {
  const char* name;
  uint64_t bytes_size;
  uint64_t strides[3];
};

}  // namespace

gxf_result_t TestTensorStrides::register_interface(Registrar* registrar) {
  registrar->parameter(pool_, "pool", "Pool", "Allocator for the tensors");
  return GXF_SUCCESS;
}

gxf_result_t TestTensorStrides::tick() {
  const Shape shape{2, 3, 4};
  auto row_strides = compute_row_strides(shape, 256, sizeof(float));
  if (!row_strides) return GXF_FAILURE;
  auto message = create_tensor_map(
      context(), pool_.get().get(),
      {{"foo", MemoryStorageType::kHost, shape, PrimitiveType::kFloat32, 0, row_strides},
       {"bar", MemoryStorageType::kHost, shape, PrimitiveType::kFloat32, 0,
        compute_strides(shape, {256, 64, 8})},
       {"zoo", MemoryStorageType::kHost, shape, PrimitiveType::kFloat64, 0, std::nullopt}});
  if (!message) {
    return fail(message.error().code, "%s", message.error().what().c_str());
  }
  const ExpectedLayout expected[] = {{"foo", 2 * 256, {256, 16, 4}},
                                     {"bar", 2 * 256, {256, 64, 8}},
                                     {"zoo", 2 * 3 * 4 * 8, {3 * 4 * 8, 4 * 8, 8}}};
  for (const ExpectedLayout& layout : expected) {
    const Tensor* tensor = message.value()->find<Tensor>(layout.name);
    bool ok = tensor && tensor->rank() == 3 && tensor->bytes_size() == layout.bytes_size;
    for (uint32_t i = 0; ok && i < 3; ++i) ok = tensor->stride(i) == layout.strides[i];
    if (!ok) {
      return fail(GXF_FAILURE, "tensor '%s' has unexpected strides or size", layout.name);
    }
  }
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
