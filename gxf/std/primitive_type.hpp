// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <complex>
#include <cstddef>
#include <cstdint>

namespace nvidia {
namespace gxf {

// Element type of a tensor. Values are GXF's (they cross the Python boundary and YAML files).
enum class PrimitiveType : int32_t {
  kCustom = 0,
  kInt8 = 1,
  kUnsigned8 = 2,
  kInt16 = 3,
  kUnsigned16 = 4,
  kInt32 = 5,
  kUnsigned32 = 6,
  kInt64 = 7,
  kUnsigned64 = 8,
  kFloat32 = 9,
  kFloat64 = 10,
  kComplex64 = 11,
  kComplex128 = 12,
  kFloat16 = 13,
};

using complex64 = std::complex<float>;
using complex128 = std::complex<double>;

// Bytes per element of a primitive type; 0 for kCustom (the tensor says how many).
uint64_t primitive_type_size(PrimitiveType type);
// "kFloat32" etc.
const char* primitive_type_name(PrimitiveType type);

// Maps C++ element types to PrimitiveType (Tensor::data<T>(), Tensor::reshape<T>()).
template <typename T>
struct PrimitiveTypeTraits;

#define GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(TYPE, VALUE)             \
  template <>                                                     \
  struct PrimitiveTypeTraits<TYPE> {                              \
    static constexpr PrimitiveType value = PrimitiveType::VALUE;  \
    static constexpr size_t size = sizeof(TYPE);                  \
  };

GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(int8_t, kInt8)
GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(uint8_t, kUnsigned8)
GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(int16_t, kInt16)
GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(uint16_t, kUnsigned16)
GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(int32_t, kInt32)
GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(uint32_t, kUnsigned32)
GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(int64_t, kInt64)
GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(uint64_t, kUnsigned64)
GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(float, kFloat32)
GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(double, kFloat64)
GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(complex64, kComplex64)
GXF_DEFINE_PRIMITIVE_TYPE_TRAITS(complex128, kComplex128)

#undef GXF_DEFINE_PRIMITIVE_TYPE_TRAITS

}  // namespace gxf
}  // namespace nvidia
