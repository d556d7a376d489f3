// SPDX-License-Identifier: Apache-2.0
#include "extensions/test_cuda/dot_product.hpp"

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/std/storage.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

namespace {

gxf_result_t read_floats(const Tensor& tensor, std::vector<float>* values) {
  values->resize(tensor.element_count());
  return copy_storage(values->data(), MemoryStorageType::kSystem, tensor.pointer(),
                      tensor.storage_type(), values->size() * sizeof(float));
}

}  // namespace

gxf_result_t DotProductBase::register_interface(Registrar* registrar) {
  registrar->parameter(tx_, "tx", "transmitter of tensors", "");
  registrar->parameter(rx_, "rx", "receiver of tensors", "");
  registrar->parameter(tensor_pool_, "tensor_pool", "Tensor Pool", "");
  return GXF_SUCCESS;
}

gxf_result_t DotProductBase::run(const char* out_name, bool on_device) {
  EntityRef input = rx_->receive();
  if (!input) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  auto tensors = input->find_all<Tensor>();
  if (tensors.size() != 2 || tensors[0]->rank() != 2 || tensors[1]->shape() != tensors[0]->shape()) {
    GXF_LOG_ERROR("%s: expected two rank-2 tensors of one shape", describe().c_str());
    return GXF_FAILURE;
  }
  const int32_t rows = tensors[0]->shape().dimension(0);
  const int32_t columns = tensors[0]->shape().dimension(1);
  CudaStream* stream = nullptr;
  if (on_device) {
    stream = stream_of(input.get());
    if (!stream) return GXF_ENTITY_COMPONENT_NOT_FOUND;
    gxf_result_t code = CudaDriver::instance().stream_synchronize(stream->stream());
    if (code != GXF_SUCCESS) return code;
  }
  gxf_result_t code = read_floats(*tensors[0], &left_);
  if (code == GXF_SUCCESS) code = read_floats(*tensors[1], &right_);
  if (code != GXF_SUCCESS) return code;
  result_.assign(rows, 0.0f);
  for (int32_t row = 0; row < rows; ++row) {
    float sum = 0.0f;
    const float* x = left_.data() + static_cast<size_t>(row) * columns;
    const float* y = right_.data() + static_cast<size_t>(row) * columns;
    for (int32_t column = 0; column < columns; ++column) sum += x[column] * y[column];
    result_[row] = sum;
  }
  EntityRef output = context()->create_message();
  const MemoryStorageType storage = tensors[0]->storage_type();
  Tensor* out = add_tensor(output.get(), tensor_pool_.get().get(),
                           {out_name, storage, Shape{rows}, tensors[0]->element_type()});
  if (!out) return GXF_FAILURE;
  code = copy_storage(out->pointer(), storage, result_.data(), MemoryStorageType::kSystem,
                      result_.size() * sizeof(float));
  if (code != GXF_SUCCESS) return code;
  if (on_device) {
    code = add_stream(output.get(), stream);
    if (code == GXF_SUCCESS) code = add_event(output.get(), "cudotproduct_event", stream);
    if (code != GXF_SUCCESS) return code;
  }
  return tx_->publish(output);
}

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
