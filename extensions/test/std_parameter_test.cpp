// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/std_parameter_test.hpp"

#include "extensions/test/test_assert.hpp"

namespace nvidia {
namespace gxf {
namespace test {

namespace {

void expect(bool ok, const Component* component, const char* what) {
  if (!ok) assertion_failed("%s: unexpected value of %s", component->describe().c_str(), what);
}

}  // namespace

gxf_result_t StdParameterTest::register_interface(Registrar* registrar) {
  registrar->parameter(integers_, "integers", "Integers");
  registrar->parameter(my_unsigned_int8_, "my_unsigned_int8", "Bytes");
  registrar->parameter(strings_, "strings", "Strings");
  registrar->parameter(my_doubles_, "my_doubles", "Lists of doubles");
  registrar->parameter(segments_, "segments", "Pairs of points");
  registrar->parameter(rank_2_vector_, "rank_2_vector", "Rank-2 list");
  registrar->parameter(rank_3_vector_, "rank_3_vector", "Rank-3 list");
  registrar->parameter(vector_of_float_, "vector_of_float", "Doubles");
  registrar->parameter(vector_of_handles_, "vector_of_handles", "Allocators", "",
                       kParameterFlagsOptional);
  registrar->parameter(rank_1_array_, "rank_1_array", "Two integers");
  registrar->parameter(rank_2_array_, "rank_2_array", "One pair of integers");
  registrar->parameter(array_of_two_handles_, "array_of_two_handles", "Two allocators", "",
                       kParameterFlagsOptional);
  registrar->parameter(string_to_int_map_, "string_to_int_map", "Map to integers");
  registrar->parameter(string_to_vector_map_, "string_to_vector_map", "Map to lists");
  registrar->parameter(complex64_, "complex64", "Complex64");
  registrar->parameter(complex128_, "complex128", "Complex128");
  return GXF_SUCCESS;
}

gxf_result_t StdParameterTest::initialize() {
  check_sequences();
  check_maps_and_numbers();
  return GXF_SUCCESS;
}

void StdParameterTest::check_sequences() const {
  expect(integers_.get() == std::vector<int32_t>{2, 3, 5, 7, 11}, this, "integers");
  expect(my_unsigned_int8_.get() == std::vector<uint8_t>{133, 100, 1, 3}, this,
         "my_unsigned_int8");
  expect(strings_.get() == std::vector<std::string>{"Hello", "world,", "GXF"}, this, "strings");
  expect(my_doubles_.get() == std::vector<std::vector<double>>{{4.2, -5.2, 0.0}, {}, {100.0}},
         this, "my_doubles");
  const std::vector<std::pair<Point, Point>> segments{{{-100.0, 0.0}, {100.0, 0.0}},
                                                      {{0.0, 0.0}, {20.0, 2.0}}};
  expect(segments_.get() == segments, this, "segments");
}

void StdParameterTest::check_maps_and_numbers() const {
  const auto& ints = string_to_int_map_.get();
  expect(ints.size() == 2 && ints.count("hello") && ints.at("hello") == 1 &&
             ints.count("world") && ints.at("world") == 2,
         this, "string_to_int_map");
  const auto& lists = string_to_vector_map_.get();
  expect(lists.size() == 2 && lists.count("hello") &&
             lists.at("hello") == std::vector<double>{1, 2, 3} && lists.count("world") &&
             lists.at("world") == std::vector<double>{4, 5, 6, 7},
         this, "string_to_vector_map");
  expect(complex64_.get() == std::complex<float>(2.0f, 1.5f), this, "complex64");
  expect(complex128_.get() == std::complex<double>(-2.102, -3.0), this, "complex128");
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
