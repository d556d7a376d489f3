// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/dlpack_utils.hpp"

#include <algorithm>
#include <utility>

#include "gxf/std/gems/cuda_driver/cuda_driver.hpp"

namespace nvidia {
namespace gxf {

namespace {

using dlpack::DLDataType;
using dlpack::DLDevice;

// A DLPack struct plus what it points to: shape and strides arrays and a share of the memory.
template <typename Managed>
struct Export {
  Managed managed;
  std::shared_ptr<void> owner;
  int64_t shape[Shape::kMaxRank];
  int64_t strides[Shape::kMaxRank];
};

template <typename Managed>
void delete_export(Managed* self) {
  delete static_cast<Export<Managed>*>(self->manager_ctx);
}

template <typename Managed>
Export<Managed>* make_export(const Tensor& tensor) {
  auto dtype = to_dl_data_type(tensor.element_type(), tensor.bytes_per_element());
  if (!dtype || tensor.pointer() == nullptr) return nullptr;
  auto* context = new Export<Managed>();
  context->owner = tensor.buffer().owner();
  const uint64_t element_bytes = tensor.bytes_per_element() == 0 ? 1 : tensor.bytes_per_element();
  for (uint32_t i = 0; i < tensor.rank(); ++i) {
    context->shape[i] = tensor.shape().dimension(i);
    context->strides[i] = static_cast<int64_t>(tensor.stride(i) / element_bytes);
  }
  dlpack::DLTensor& dl = context->managed.dl_tensor;
  dl.data = tensor.pointer();
  dl.device = dl_device_of(tensor);
  dl.ndim = static_cast<int32_t>(tensor.rank());
  dl.dtype = *dtype;
  dl.shape = context->shape;
  dl.strides = context->strides;
  dl.byte_offset = 0;
  context->managed.manager_ctx = context;
  context->managed.deleter = &delete_export<Managed>;
  return context;
}

}  // namespace

std::optional<DLDataType> to_dl_data_type(PrimitiveType type, uint64_t bytes_per_element) {
  DLDataType dtype{dlpack::kDLUInt, 8, 1};
  switch (type) {
    case PrimitiveType::kInt8: dtype = {dlpack::kDLInt, 8, 1}; break;
    case PrimitiveType::kUnsigned8: dtype = {dlpack::kDLUInt, 8, 1}; break;
    case PrimitiveType::kInt16: dtype = {dlpack::kDLInt, 16, 1}; break;
    case PrimitiveType::kUnsigned16: dtype = {dlpack::kDLUInt, 16, 1}; break;
    case PrimitiveType::kInt32: dtype = {dlpack::kDLInt, 32, 1}; break;
    case PrimitiveType::kUnsigned32: dtype = {dlpack::kDLUInt, 32, 1}; break;
    case PrimitiveType::kInt64: dtype = {dlpack::kDLInt, 64, 1}; break;
    case PrimitiveType::kUnsigned64: dtype = {dlpack::kDLUInt, 64, 1}; break;
    case PrimitiveType::kFloat16: dtype = {dlpack::kDLFloat, 16, 1}; break;
    case PrimitiveType::kFloat32: dtype = {dlpack::kDLFloat, 32, 1}; break;
    case PrimitiveType::kFloat64: dtype = {dlpack::kDLFloat, 64, 1}; break;
    case PrimitiveType::kComplex64: dtype = {dlpack::kDLComplex, 64, 1}; break;
    case PrimitiveType::kComplex128: dtype = {dlpack::kDLComplex, 128, 1}; break;
    case PrimitiveType::kCustom: return std::nullopt;
  }
  const uint64_t primitive_bytes = dtype.bits / 8;
  if (bytes_per_element > primitive_bytes && bytes_per_element % primitive_bytes == 0) {
    dtype.lanes = static_cast<uint16_t>(bytes_per_element / primitive_bytes);
  }
  return dtype;
}

std::optional<PrimitiveType> from_dl_data_type(const DLDataType& dtype) {
  switch (dtype.code) {
    case dlpack::kDLInt:
      switch (dtype.bits) {
        case 8: return PrimitiveType::kInt8;
        case 16: return PrimitiveType::kInt16;
        case 32: return PrimitiveType::kInt32;
        case 64: return PrimitiveType::kInt64;
      }
      break;
    case dlpack::kDLUInt:
      switch (dtype.bits) {
        case 8: return PrimitiveType::kUnsigned8;
        case 16: return PrimitiveType::kUnsigned16;
        case 32: return PrimitiveType::kUnsigned32;
        case 64: return PrimitiveType::kUnsigned64;
      }
      break;
    case dlpack::kDLFloat:
      switch (dtype.bits) {
        case 16: return PrimitiveType::kFloat16;
        case 32: return PrimitiveType::kFloat32;
        case 64: return PrimitiveType::kFloat64;
      }
      break;
    case dlpack::kDLComplex:
      if (dtype.bits == 64) return PrimitiveType::kComplex64;
      if (dtype.bits == 128) return PrimitiveType::kComplex128;
      break;
    case dlpack::kDLBool:
      if (dtype.bits == 8) return PrimitiveType::kUnsigned8;
      break;
  }
  return std::nullopt;
}

DLDevice dl_device_of(const Tensor& tensor) {
  CudaDriver& cuda = CudaDriver::instance();
  switch (tensor.storage_type()) {
    case MemoryStorageType::kSystem:
      return {dlpack::kDLCPU, 0};
    case MemoryStorageType::kHost:
      if (cuda.available() && cuda.is_pinned_pointer(tensor.pointer())) {
        return {dlpack::kDLCUDAHost, 0};
      }
      return {dlpack::kDLCPU, 0};
    case MemoryStorageType::kDevice: {
      int ordinal = 0;
      cuda.is_device_pointer(tensor.pointer(), &ordinal);
      return {dlpack::kDLCUDA, ordinal};
    }
  }
  return {dlpack::kDLCPU, 0};
}

std::optional<MemoryStorageType> storage_type_of(const DLDevice& device) {
  switch (device.device_type) {
    case dlpack::kDLCPU: return MemoryStorageType::kSystem;
    case dlpack::kDLCUDAHost: return MemoryStorageType::kHost;
    case dlpack::kDLCUDA:
    case dlpack::kDLCUDAManaged: return MemoryStorageType::kDevice;
  }
  return std::nullopt;
}

dlpack::DLManagedTensor* export_dlpack(const Tensor& tensor) {
  auto* context = make_export<dlpack::DLManagedTensor>(tensor);
  return context ? &context->managed : nullptr;
}

dlpack::DLManagedTensorVersioned* export_dlpack_versioned(const Tensor& tensor) {
  auto* context = make_export<dlpack::DLManagedTensorVersioned>(tensor);
  if (!context) return nullptr;
  context->managed.version = {1, 0};
  context->managed.flags = 0;
  return &context->managed;
}

gxf_result_t import_dlpack(const dlpack::DLTensor& dl_tensor, std::shared_ptr<void> owner,
                           Tensor* tensor) {
  auto storage_type = storage_type_of(dl_tensor.device);
  auto element_type = from_dl_data_type(dl_tensor.dtype);
  if (!storage_type || !element_type) return GXF_INVALID_DATA_FORMAT;
  if (dl_tensor.ndim < 0 || dl_tensor.ndim > static_cast<int32_t>(Shape::kMaxRank)) {
    return GXF_INVALID_DATA_FORMAT;
  }
  const uint64_t lanes = dl_tensor.dtype.lanes == 0 ? 1 : dl_tensor.dtype.lanes;
  const uint64_t bytes_per_element = lanes * ((dl_tensor.dtype.bits + 7) / 8);
  std::array<int32_t, Shape::kMaxRank> dimensions{};
  for (int32_t i = 0; i < dl_tensor.ndim; ++i) {
    dimensions[i] = static_cast<int32_t>(dl_tensor.shape[i]);
  }
  const Shape shape(dimensions, static_cast<uint32_t>(dl_tensor.ndim));
  Tensor::stride_array_t strides = compute_trivial_strides(shape, bytes_per_element);
  if (dl_tensor.strides) {
    for (int32_t i = 0; i < dl_tensor.ndim; ++i) {
      if (dl_tensor.strides[i] < 0) return GXF_INVALID_DATA_FORMAT;  // GXF strides are unsigned
      strides[i] = static_cast<uint64_t>(dl_tensor.strides[i]) * bytes_per_element;
    }
  }
  auto* data = static_cast<unsigned char*>(dl_tensor.data) + dl_tensor.byte_offset;
  const uint64_t size = std::max(shape.size() * bytes_per_element,
                                 strided_span(shape, bytes_per_element, strides));
  return tensor->wrap_shared(shape, *element_type, bytes_per_element, &strides, *storage_type,
                             data, size, std::move(owner));
}

}  // namespace gxf
}  // namespace nvidia
