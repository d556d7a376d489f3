// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/extension.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Adds the tensor-related components of GXF's TestHelperExtension (Generator, Pop, Print,
// PrintTensor, ArbitraryPrecisionFactorial, IntegerSinSum, TestTensorStrides, TensorGenerator,
// TensorComparator) to `extension`; the libgxf_test.so factory calls it.
void add_tensor_test_components(Extension& extension);

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
