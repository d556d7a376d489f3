// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/arbitrary_precision_factorial.hpp"

#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {
namespace test {

namespace {

// Multiplies the little-endian decimal number in digits[0..*used) by `factor` in place.
bool multiply(uint8_t* digits, int32_t capacity, int32_t* used, uint64_t factor) {
  uint64_t carry = 0;
  for (int32_t i = 0; i < *used; ++i) {
    const uint64_t product = static_cast<uint64_t>(digits[i]) * factor + carry;
    digits[i] = static_cast<uint8_t>(product % 10);
    carry = product / 10;
  }
  while (carry > 0) {
    if (*used >= capacity) return false;
    digits[(*used)++] = static_cast<uint8_t>(carry % 10);
    carry /= 10;
  }
  return true;
}

}  // namespace

gxf_result_t ArbitraryPrecisionFactorial::register_interface(Registrar* registrar) {
  registrar->parameter(digits_, "digits", "Digits", "Number of decimal digits of the result");
  registrar->parameter(factorial_, "factorial", "Factorial", "n of n!");
  registrar->parameter(result_, "result", "Result", "Channel for the result tensor");
  registrar->parameter(pool_, "pool", "Pool", "Allocator for the result tensor");
  return GXF_SUCCESS;
}

gxf_result_t ArbitraryPrecisionFactorial::tick() {
  const int32_t digits = digits_.get();
  auto message = create_tensor_map(
      context(), pool_.get().get(),
      {{"factorial", MemoryStorageType::kHost, Shape{digits}, PrimitiveType::kUnsigned8}});
  if (!message) {
    return fail(message.error().code, "%s", message.error().what().c_str());
  }
  uint8_t* digit = message.value()->find<Tensor>("factorial")->data<uint8_t>().value();
  for (int32_t i = 0; i < digits; ++i) digit[i] = 0;
  digit[0] = 1;
  int32_t used = 1;
  for (uint64_t n = 1; n <= factorial_.get(); ++n) {
    if (!multiply(digit, digits, &used, n)) {
      return fail(GXF_FAILURE, "%lu! needs more than %d digits",
                  static_cast<unsigned long>(factorial_.get()), digits);
    }
  }
  result_->publish(message.value());
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
