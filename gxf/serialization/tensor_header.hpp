// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/expected.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/std/shape.hpp"
#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {

#pragma pack(push, 1)
// GXF's tensor header (little-endian, packed, 116 bytes), shared by the file/buffer format
// (StdComponentSerializer: the elements follow it) and the UCX one (the elements travel as
// the message's data): storage type, element type, bytes per element, rank, 8 dimensions
// (1 past the rank; 0 for rank 0) and 8 strides in bytes (0 past the rank).
struct TensorHeader {
  int32_t storage_type;
  int32_t element_type;
  uint64_t bytes_per_element;
  uint32_t rank;
  int32_t dims[Shape::kMaxRank];
  uint64_t strides[Shape::kMaxRank];
};
#pragma pack(pop)
static_assert(sizeof(TensorHeader) == 116, "GXF's tensor header is 116 bytes");

// The header describing `tensor` with `strides` (its own, or dense ones for packed data).
TensorHeader make_tensor_header(const Tensor& tensor, const Tensor::stride_array_t& strides);

// Checks a header read from outside (storage and element type, rank, dimensions, sizes) and
// reshapes `tensor` to it with memory from `allocator`; returns the bytes of elements that
// follow (element count * bytes per element). `available` bounds them: corrupt dimensions
// must not ask the allocator for terabytes.
Expected<uint64_t> reshape_from_header(const TensorHeader& header, Tensor* tensor,
                                       Allocator* allocator, uint64_t available);

}  // namespace gxf
}  // namespace nvidia
