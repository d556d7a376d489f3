// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gxf/core/component.hpp"
#include "gxf/core/entity.hpp"
#include "gxf/core/expected.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/std/memory_buffer.hpp"
#include "gxf/std/primitive_type.hpp"
#include "gxf/std/shape.hpp"

namespace nvidia {
namespace gxf {

class Context;

// A message component holding one n-dimensional array: shape, element type, bytes per element,
// strides in bytes and a memory buffer on host, device or system memory. A message carries
// several tensors as components of different names.
//
// The memory is shared, not owned: tensors handed to Python, DLPack exports and tensors made
// by share() hold the same buffer owner, so memory lives until its last holder lets go.
// Destroying (or reshaping) this component drops only its own hold.
class Tensor : public Component {
 public:
  using stride_array_t = std::array<uint64_t, Shape::kMaxRank>;
  using release_function_t = MemoryBuffer::release_function_t;

  Tensor() { strides_.fill(0); }
  ~Tensor() override;
  Tensor(const Tensor&) = delete;
  Tensor& operator=(const Tensor&) = delete;
  // Moves the array (shape, type, memory) but not the component identity; `other` ends empty.
  Tensor(Tensor&& other) noexcept;
  Tensor& operator=(Tensor&& other) noexcept;

  MemoryStorageType storage_type() const { return buffer_.storage_type(); }
  const Shape& shape() const { return shape_; }
  uint32_t rank() const { return shape_.rank(); }
  PrimitiveType element_type() const { return element_type_; }
  uint64_t bytes_per_element() const { return bytes_per_element_; }
  uint64_t element_count() const { return element_count_; }
  // Bytes of memory behind the tensor.
  uint64_t size() const { return buffer_.size(); }
  byte* pointer() const { return buffer_.pointer(); }
  // Stride of dimension `index` in bytes; 0 past the rank.
  uint64_t stride(uint32_t index) const { return index < rank() ? strides_[index] : 0; }
  const stride_array_t& strides() const { return strides_; }
  // Bytes spanned by the outermost dimension (GXF's bytes_size()).
  uint64_t bytes_size() const { return static_cast<uint64_t>(shape_.dimension(0)) * strides_[0]; }
  bool is_contiguous() const;
  const MemoryBuffer& buffer() const { return buffer_; }

  // Typed pointer to the first element; an error when T does not match the element type.
  template <typename T>
  Expected<T*> data() const {
    if (element_type_ != PrimitiveType::kCustom &&
        element_type_ != PrimitiveTypeTraits<T>::value) {
      return make_error(GXF_INVALID_DATA_FORMAT, "tensor element type mismatch");
    }
    return reinterpret_cast<T*>(buffer_.pointer());
  }

  // Reallocates for a dense array of T.
  template <typename T>
  gxf_result_t reshape(const Shape& shape, MemoryStorageType storage_type, Allocator* allocator) {
    return reshape_custom(shape, PrimitiveTypeTraits<T>::value, PrimitiveTypeTraits<T>::size,
                          nullptr, storage_type, allocator);
  }
  // Drops the current memory and allocates new memory from `allocator`. `strides` (bytes per
  // dimension) may be null for a dense row-major layout; explicit strides are kept as given,
  // zeros included. Allocates the larger of element_count * bytes_per_element and the span
  // the strides cover.
  gxf_result_t reshape_custom(const Shape& shape, PrimitiveType element_type,
                              uint64_t bytes_per_element, const stride_array_t* strides,
                              MemoryStorageType storage_type, Allocator* allocator);
  // Points the tensor at existing memory; `release` (may be empty) runs when the last holder
  // of the memory lets go.
  gxf_result_t wrap_memory(const Shape& shape, PrimitiveType element_type,
                           uint64_t bytes_per_element, const stride_array_t* strides,
                           MemoryStorageType storage_type, void* pointer,
                           release_function_t release);
  // Points the tensor at `size` bytes at `pointer`, kept alive by the shared `owner`.
  gxf_result_t wrap_shared(const Shape& shape, PrimitiveType element_type,
                           uint64_t bytes_per_element, const stride_array_t* strides,
                           MemoryStorageType storage_type, void* pointer, uint64_t size,
                           std::shared_ptr<void> owner);
  // Becomes a second view of `other`'s array, sharing its memory (no copy).
  void share(const Tensor& other);
  // Drops the memory and becomes an empty rank-0 tensor.
  void clear();

  // A handle Python keeps instead of a pointer to this component: it reads null once the
  // component is destroyed (its message was freed), so Python never dereferences a dead one.
  using SelfReference = std::shared_ptr<std::atomic<Tensor*>>;
  SelfReference self_reference();

 private:
  void set_layout(const Shape& shape, PrimitiveType element_type, uint64_t bytes_per_element,
                  const stride_array_t* strides);

  Shape shape_;
  uint64_t element_count_ = 0;
  PrimitiveType element_type_ = PrimitiveType::kUnsigned8;
  uint64_t bytes_per_element_ = 1;
  stride_array_t strides_;
  MemoryBuffer buffer_;
  SelfReference self_reference_;
};

// Strides (bytes) for `shape` where each dimension's stride is the smallest multiple of its
// step (`stride_steps`) that holds the next lower dimension.
Tensor::stride_array_t compute_strides(const Shape& shape,
                                       const Tensor::stride_array_t& stride_steps);
// Dense row-major strides.
Tensor::stride_array_t compute_trivial_strides(const Shape& shape, uint64_t bytes_per_element);
// Dense strides except that rows (third dimension from the end) start at multiples of
// `row_step_size` bytes; needs rank >= 3 and a non-zero step.
std::optional<Tensor::stride_array_t> compute_row_strides(const Shape& shape,
                                                          uint32_t row_step_size,
                                                          uint64_t bytes_per_element);
// Bytes from the first to past the last element for `strides` (0 for an empty shape).
uint64_t strided_span(const Shape& shape, uint64_t bytes_per_element,
                      const Tensor::stride_array_t& strides);

// How to allocate one named tensor (CreateTensorMap, Python's Tensor.reshape).
struct TensorDescription {
  TensorDescription() = default;
  TensorDescription(std::string name, MemoryStorageType storage_type, Shape shape,
                    PrimitiveType element_type, uint64_t bytes_per_element = 0,
                    std::optional<Tensor::stride_array_t> strides = std::nullopt)
      : name(std::move(name)), storage_type(storage_type), shape(shape),
        element_type(element_type), bytes_per_element(bytes_per_element),
        strides(std::move(strides)) {}

  std::string name;
  MemoryStorageType storage_type = MemoryStorageType::kHost;
  Shape shape;
  PrimitiveType element_type = PrimitiveType::kFloat32;
  uint64_t bytes_per_element = 0;  // ignored unless element_type is kCustom
  std::optional<Tensor::stride_array_t> strides;
};

// A new message holding one allocated tensor per description, in order.
Expected<EntityRef> create_tensor_map(Context* context, Allocator* allocator,
                                      const std::vector<TensorDescription>& descriptions);

}  // namespace gxf
}  // namespace nvidia
