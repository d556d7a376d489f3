// SPDX-License-Identifier: Apache-2.0
#include "gxf/serialization/tensor_header.hpp"

#include <array>
#include <string>

#include "gxf/std/storage.hpp"

namespace nvidia {
namespace gxf {

namespace {

Unexpected header_error(const std::string& what) {
  return make_error(GXF_INVALID_DATA_FORMAT, "tensor header: " + what);
}

}  // namespace

TensorHeader make_tensor_header(const Tensor& tensor, const Tensor::stride_array_t& strides) {
  TensorHeader header;
  const uint32_t rank = tensor.rank();
  header.storage_type = static_cast<int32_t>(tensor.storage_type());
  header.element_type = static_cast<int32_t>(tensor.element_type());
  header.bytes_per_element = tensor.bytes_per_element();
  header.rank = rank;
  for (uint32_t i = 0; i < Shape::kMaxRank; ++i) {
    header.dims[i] = rank == 0 ? 0 : tensor.shape().dimension(i);
    header.strides[i] = i < rank ? strides[i] : 0;
  }
  return header;
}

Expected<uint64_t> reshape_from_header(const TensorHeader& header, Tensor* tensor,
                                       Allocator* allocator, uint64_t available) {
  if (header.storage_type < 0 || header.storage_type > 2) {
    return header_error("storage type " + std::to_string(header.storage_type) +
                        " is none of 0 (host), 1 (device), 2 (system)");
  }
  if (header.rank > Shape::kMaxRank) {
    return header_error("rank " + std::to_string(header.rank) + " exceeds " +
                        std::to_string(Shape::kMaxRank));
  }
  if (header.element_type < 0 || header.element_type > 13) {
    return header_error("element type " + std::to_string(header.element_type) + " is unknown");
  }
  const auto element_type = static_cast<PrimitiveType>(header.element_type);
  const uint64_t type_size = primitive_type_size(element_type);
  if (header.bytes_per_element == 0 || (type_size != 0 && header.bytes_per_element != type_size)) {
    return header_error(std::to_string(header.bytes_per_element) + " bytes per element for " +
                        primitive_type_name(element_type));
  }
  std::array<int32_t, Shape::kMaxRank> dims{};
  Tensor::stride_array_t strides{};
  uint64_t payload = header.rank == 0 ? 0 : header.bytes_per_element;
  for (uint32_t i = 0; i < header.rank; ++i) {
    if (header.dims[i] < 0) {
      return header_error("dimension " + std::to_string(i) + " is " +
                          std::to_string(header.dims[i]));
    }
    if (__builtin_mul_overflow(payload, static_cast<uint64_t>(header.dims[i]), &payload)) {
      return header_error("size overflows 64 bits");
    }
    dims[i] = header.dims[i];
    strides[i] = header.strides[i];
  }
  if (payload > available) {
    return header_error("announces " + std::to_string(payload) + " bytes of elements but only " +
                        std::to_string(available) + " follow");
  }
  const Shape shape(dims, header.rank);
  // The elements are element_count * bytes_per_element bytes in a row. Strides spanning more
  // (a padded tensor from a writer that sends the start of its memory, as GXF's does) cannot
  // describe them, and would size the allocation from unchecked data: such a tensor is dense.
  if (strided_span(shape, header.bytes_per_element, strides) > payload) {
    strides = compute_trivial_strides(shape, header.bytes_per_element);
  }
  const auto storage = static_cast<MemoryStorageType>(header.storage_type);
  const gxf_result_t code = tensor->reshape_custom(shape, element_type, header.bytes_per_element,
                                                   &strides, storage, allocator);
  if (code != GXF_SUCCESS) {
    return make_error(code, "cannot allocate " + std::to_string(payload) + " bytes of " +
                                storage_type_name(storage) + " memory for a tensor");
  }
  return payload;
}

}  // namespace gxf
}  // namespace nvidia
