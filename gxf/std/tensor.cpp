// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/tensor.hpp"

#include <algorithm>
#include <utility>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

uint64_t primitive_type_size(PrimitiveType type) {
  switch (type) {
    case PrimitiveType::kInt8:
    case PrimitiveType::kUnsigned8: return 1;
    case PrimitiveType::kInt16:
    case PrimitiveType::kUnsigned16:
    case PrimitiveType::kFloat16: return 2;
    case PrimitiveType::kInt32:
    case PrimitiveType::kUnsigned32:
    case PrimitiveType::kFloat32: return 4;
    case PrimitiveType::kInt64:
    case PrimitiveType::kUnsigned64:
    case PrimitiveType::kFloat64:
    case PrimitiveType::kComplex64: return 8;
    case PrimitiveType::kComplex128: return 16;
    case PrimitiveType::kCustom: return 0;
  }
  return 0;
}

const char* primitive_type_name(PrimitiveType type) {
  switch (type) {
    case PrimitiveType::kCustom: return "kCustom";
    case PrimitiveType::kInt8: return "kInt8";
    case PrimitiveType::kUnsigned8: return "kUnsigned8";
    case PrimitiveType::kInt16: return "kInt16";
    case PrimitiveType::kUnsigned16: return "kUnsigned16";
    case PrimitiveType::kInt32: return "kInt32";
    case PrimitiveType::kUnsigned32: return "kUnsigned32";
    case PrimitiveType::kInt64: return "kInt64";
    case PrimitiveType::kUnsigned64: return "kUnsigned64";
    case PrimitiveType::kFloat32: return "kFloat32";
    case PrimitiveType::kFloat64: return "kFloat64";
    case PrimitiveType::kComplex64: return "kComplex64";
    case PrimitiveType::kComplex128: return "kComplex128";
    case PrimitiveType::kFloat16: return "kFloat16";
  }
  return "unknown";
}

Tensor::~Tensor() {
  if (self_reference_) self_reference_->store(nullptr);
}

Tensor::Tensor(Tensor&& other) noexcept : Component() { *this = std::move(other); }

Tensor& Tensor::operator=(Tensor&& other) noexcept {
  if (this == &other) return *this;
  shape_ = other.shape_;
  element_count_ = other.element_count_;
  element_type_ = other.element_type_;
  bytes_per_element_ = other.bytes_per_element_;
  strides_ = other.strides_;
  buffer_ = std::move(other.buffer_);
  other.clear();
  return *this;
}

void Tensor::set_layout(const Shape& shape, PrimitiveType element_type,
                        uint64_t bytes_per_element, const stride_array_t* strides) {
  shape_ = shape;
  element_count_ = shape.size();
  element_type_ = element_type;
  bytes_per_element_ = bytes_per_element;
  strides_ = strides ? *strides : compute_trivial_strides(shape, bytes_per_element);
}

gxf_result_t Tensor::reshape_custom(const Shape& shape, PrimitiveType element_type,
                                    uint64_t bytes_per_element, const stride_array_t* strides,
                                    MemoryStorageType storage_type, Allocator* allocator) {
  if (!allocator) return GXF_ARGUMENT_NULL;
  buffer_.free_buffer();  // first, so a pool can hand the same block out again
  set_layout(shape, element_type, bytes_per_element, strides);
  uint64_t size = std::max(element_count_ * bytes_per_element,
                           strided_span(shape, bytes_per_element, strides_));
  gxf_result_t code = buffer_.resize(allocator, size, storage_type);
  if (code != GXF_SUCCESS) clear();
  return code;
}

gxf_result_t Tensor::wrap_memory(const Shape& shape, PrimitiveType element_type,
                                 uint64_t bytes_per_element, const stride_array_t* strides,
                                 MemoryStorageType storage_type, void* pointer,
                                 release_function_t release) {
  set_layout(shape, element_type, bytes_per_element, strides);
  uint64_t size = std::max(element_count_ * bytes_per_element,
                           strided_span(shape, bytes_per_element, strides_));
  return buffer_.wrap_memory(pointer, size, storage_type, std::move(release));
}

gxf_result_t Tensor::wrap_shared(const Shape& shape, PrimitiveType element_type,
                                 uint64_t bytes_per_element, const stride_array_t* strides,
                                 MemoryStorageType storage_type, void* pointer, uint64_t size,
                                 std::shared_ptr<void> owner) {
  set_layout(shape, element_type, bytes_per_element, strides);
  buffer_.wrap_shared(pointer, size, storage_type, std::move(owner));
  return GXF_SUCCESS;
}

void Tensor::share(const Tensor& other) {
  shape_ = other.shape_;
  element_count_ = other.element_count_;
  element_type_ = other.element_type_;
  bytes_per_element_ = other.bytes_per_element_;
  strides_ = other.strides_;
  buffer_ = other.buffer_;
}

void Tensor::clear() {
  buffer_.free_buffer();
  shape_ = Shape();
  element_count_ = 0;
  element_type_ = PrimitiveType::kUnsigned8;
  bytes_per_element_ = 1;
  strides_.fill(0);
}

bool Tensor::is_contiguous() const {
  return strides_ == compute_trivial_strides(shape_, bytes_per_element_) ||
         element_count_ <= 1;
}

Tensor::SelfReference Tensor::self_reference() {
  if (!self_reference_) self_reference_ = std::make_shared<std::atomic<Tensor*>>(this);
  return self_reference_;
}

Tensor::stride_array_t compute_strides(const Shape& shape,
                                       const Tensor::stride_array_t& stride_steps) {
  Tensor::stride_array_t strides;
  strides.fill(0);
  const uint32_t rank = shape.rank();
  if (rank == 0) return strides;
  strides[rank - 1] = stride_steps[rank - 1];
  for (int64_t i = static_cast<int64_t>(rank) - 2; i >= 0; --i) {
    const uint64_t step = stride_steps[i] == 0 ? 1 : stride_steps[i];
    const uint64_t needed = strides[i + 1] * static_cast<uint64_t>(shape.dimension(i + 1));
    strides[i] = (needed + step - 1) / step * step;
  }
  return strides;
}

Tensor::stride_array_t compute_trivial_strides(const Shape& shape, uint64_t bytes_per_element) {
  Tensor::stride_array_t steps;
  steps.fill(1);
  if (shape.rank() > 0) steps[shape.rank() - 1] = bytes_per_element;
  return compute_strides(shape, steps);
}

std::optional<Tensor::stride_array_t> compute_row_strides(const Shape& shape,
                                                          uint32_t row_step_size,
                                                          uint64_t bytes_per_element) {
  const uint32_t rank = shape.rank();
  if (rank < 3 || row_step_size == 0) return std::nullopt;
  Tensor::stride_array_t steps;
  steps.fill(1);
  steps[rank - 3] = row_step_size;
  steps[rank - 1] = bytes_per_element;
  return compute_strides(shape, steps);
}

uint64_t strided_span(const Shape& shape, uint64_t bytes_per_element,
                      const Tensor::stride_array_t& strides) {
  if (shape.rank() == 0 || !shape.valid()) return 0;
  uint64_t last = 0;
  for (uint32_t i = 0; i < shape.rank(); ++i) {
    last += static_cast<uint64_t>(shape.dimension(i) - 1) * strides[i];
  }
  return last + bytes_per_element;
}

Expected<EntityRef> create_tensor_map(Context* context, Allocator* allocator,
                                      const std::vector<TensorDescription>& descriptions) {
  EntityRef message = context->create_message();
  for (const TensorDescription& description : descriptions) {
    Tensor* tensor = context->add_message_component<Tensor>(message.get(), description.name);
    if (!tensor) return make_error(GXF_FACTORY_UNKNOWN_CLASS_NAME, "Tensor is not registered");
    const uint64_t bytes_per_element = description.element_type == PrimitiveType::kCustom
                                           ? description.bytes_per_element
                                           : primitive_type_size(description.element_type);
    const Tensor::stride_array_t* strides =
        description.strides ? &description.strides.value() : nullptr;
    gxf_result_t code =
        tensor->reshape_custom(description.shape, description.element_type, bytes_per_element,
                               strides, description.storage_type, allocator);
    if (code != GXF_SUCCESS) {
      return make_error(code, "cannot allocate tensor '" + description.name + "'");
    }
  }
  return message;
}

}  // namespace gxf
}  // namespace nvidia
