// SPDX-License-Identifier: Apache-2.0
#include "extensions/test_cuda/dot_product.hpp"

#include "gxf/core/context.hpp"
#include "gxf/std/storage.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

namespace {

// The tensor's floats in host memory; null on failure. Host and system memory is read where it
// lies; device memory is copied to `values` first. Copying host tensors too would double the
// tick of HostDotProduct (two 8 MB copies in GXF's tests), and GXF's stream-ordered dot-product
// graph relies on that tick ending before the generator's next allocation from its five-block
// host pool.
const float* read_floats(const Tensor& tensor, StagingBuffer* values) {
  if (tensor.storage_type() != MemoryStorageType::kDevice) {
    return static_cast<const float*>(static_cast<const void*>(tensor.pointer()));
  }
  const size_t bytes = tensor.element_count() * sizeof(float);
  void* data = values->reserve(bytes);
  if (!data || copy_storage(data, MemoryStorageType::kHost, tensor.pointer(),
                            tensor.storage_type(), bytes) != GXF_SUCCESS) {
    return nullptr;
  }
  return static_cast<const float*>(data);
}

// One row's dot product with independent partial sums, so the additions pipeline instead of
// waiting on each other; GXF's values are small integers, exact in float in any order.
float dot_row(const float* x, const float* y, int32_t columns) {
  float partial[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int32_t column = 0;
  for (; column + 8 <= columns; column += 8) {
    for (int lane = 0; lane < 8; ++lane) partial[lane] += x[column + lane] * y[column + lane];
  }
  float sum = 0.0f;
  for (; column < columns; ++column) sum += x[column] * y[column];
  for (float value : partial) sum += value;
  return sum;
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
    return fail(GXF_FAILURE, "expected two rank-2 tensors of one shape");
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
  const float* left = read_floats(*tensors[0], &left_);
  const float* right = read_floats(*tensors[1], &right_);
  float* result = result_.reserve_as<float>(rows);
  if (!left || !right || !result) return GXF_FAILURE;
  for (int32_t row = 0; row < rows; ++row) {
    const size_t offset = static_cast<size_t>(row) * columns;
    result[row] = dot_row(left + offset, right + offset, columns);
  }
  EntityRef output = context()->create_message();
  const MemoryStorageType storage = tensors[0]->storage_type();
  Tensor* out = add_tensor(output.get(), tensor_pool_.get().get(),
                           {out_name, storage, Shape{rows}, tensors[0]->element_type()});
  if (!out) return GXF_FAILURE;
  gxf_result_t code = copy_storage(out->pointer(), storage, result, MemoryStorageType::kHost,
                                   static_cast<size_t>(rows) * sizeof(float));
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
