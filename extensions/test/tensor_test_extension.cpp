// SPDX-License-Identifier: Apache-2.0
// Registration table of the tensor-related test components (part of libgxf_test.so).
#include "extensions/test/tensor_test_extension.hpp"

#include "extensions/test/arbitrary_precision_factorial.hpp"
#include "extensions/test/generator.hpp"
#include "extensions/test/integer_sin_sum.hpp"
#include "extensions/test/print_tensor.hpp"
#include "extensions/test/tensor_comparator.hpp"
#include "extensions/test/tensor_generator.hpp"
#include "extensions/test/test_tensor_strides.hpp"
#include "gxf/core/extension.hpp"

namespace nvidia {
namespace gxf {
namespace test {

void add_tensor_test_components(Extension& ext) {
  ext.add<Generator, Codelet>("nvidia::gxf::test::Generator",
                              {0xebe83f933e8e4c09, 0x8c124ab7390ac565},
                              "Generates integer and fibonacci messages");
  ext.add<Print, Codelet>("nvidia::gxf::test::Print", {0x15ac607f553942e0, 0xb1f09b841e1f9ecd},
                          "Receives a message with tensors and logs the element count");
  ext.add<Pop, Codelet>("nvidia::gxf::test::Pop", {0x6019517f60844d1b, 0x9eff178d6891e9e8},
                        "Pops an incoming message at the receiver");
  ext.add<PrintTensor, Codelet>("nvidia::gxf::test::PrintTensor",
                                {0xc73d835ebf5b4a54, 0x9cd5370e1256b650},
                                "Receives a message with tensors and prints them");
  ext.add<ArbitraryPrecisionFactorial, Codelet>("nvidia::gxf::test::ArbitraryPrecisionFactorial",
                                                {0x2ca901d00d384a06, 0x951edc0d655ac5a6},
                                                "Generates an arbitrary precision factorial");
  ext.add<IntegerSinSum, Codelet>("nvidia::gxf::test::IntegerSinSum",
                                  {0x2ed6049cc6ad4d89, 0x8e28078be6776adf},
                                  "Creates a tensor message with a cumulative sum of sines");
  ext.add<TensorGenerator, Codelet>("nvidia::gxf::test::TensorGenerator",
                                    {0xd2abde61ff76ea8b, 0xfdc74e01d70259af},
                                    "Generates random tensors with a timestamp");
  ext.add<TensorComparator, Codelet>("nvidia::gxf::test::TensorComparator",
                                     {0xe99f8fe0c7ab9674, 0xc4ef5778874b7c3f},
                                     "Compares two tensor messages for equality");
  ext.add<TestTensorStrides, Codelet>("nvidia::gxf::test::TestTensorStrides",
                                      {0x92002082602311eb, 0xaeea03cedbfc916f},
                                      "Tests Tensor Stride");
}


}  // namespace test
}  // namespace gxf
}  // namespace nvidia
