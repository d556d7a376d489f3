// SPDX-License-Identifier: Apache-2.0
#include "extensions/test_cuda/verify_equal.hpp"

#include <cmath>
#include <limits>

#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

gxf_result_t VerifyEqual::register_interface(Registrar* registrar) {
  registrar->parameter(rx0_, "rx0", "receiver0 of tensors", "");
  registrar->parameter(rx1_, "rx1", "receiver1 of tensors", "");
  return GXF_SUCCESS;
}

gxf_result_t VerifyEqual::tick() {
  EntityRef first = rx0_->receive();
  EntityRef second = rx1_->receive();
  if (!first || !second) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  const Tensor* a = first->find<Tensor>();
  const Tensor* b = second->find<Tensor>();
  if (!a || !b) return GXF_ENTITY_COMPONENT_NOT_FOUND;
  const bool comparable = a->name() != b->name() && a->shape() == b->shape() &&
                          a->element_type() == PrimitiveType::kFloat32 &&
                          b->element_type() == PrimitiveType::kFloat32 &&
                          a->storage_type() == MemoryStorageType::kHost &&
                          b->storage_type() == MemoryStorageType::kHost;
  if (!comparable) {
    return fail(GXF_FAILURE, "tensors '%s' and '%s' are not two host float tensors of one shape",
                a->name().c_str(), b->name().c_str());
  }
  const float* x = a->data<float>().value();
  const float* y = b->data<float>().value();
  for (uint64_t i = 0; i < a->element_count(); ++i) {
    if (std::fabs(x[i] - y[i]) > std::numeric_limits<float>::epsilon()) {
      return fail(GXF_FAILURE, "data0[%lu]: %f but data1: %f", static_cast<unsigned long>(i), x[i],
                  y[i]);
    }
  }
  return GXF_SUCCESS;
}

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
