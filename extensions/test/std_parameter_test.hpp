// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <complex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gxf/core/component.hpp"
#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Parameters of standard-library types (nested vectors, arrays, pairs, maps, complex numbers,
// lists of handles); initialize() checks the values the GXF test graph gives them. A mismatch
// is a test assertion: the process ends.
class StdParameterTest : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;

 private:
  using Point = std::array<double, 2>;
  void check_sequences() const;
  void check_maps_and_numbers() const;

  Parameter<std::vector<int32_t>> integers_;
  Parameter<std::vector<uint8_t>> my_unsigned_int8_;
  Parameter<std::vector<std::string>> strings_;
  Parameter<std::vector<std::vector<double>>> my_doubles_;
  Parameter<std::vector<std::pair<Point, Point>>> segments_;
  Parameter<std::vector<std::vector<uint64_t>>> rank_2_vector_;
  Parameter<std::vector<std::vector<std::vector<uint64_t>>>> rank_3_vector_;
  Parameter<std::vector<double>> vector_of_float_;
  Parameter<std::vector<Handle<Allocator>>> vector_of_handles_;
  Parameter<std::array<int32_t, 2>> rank_1_array_;
  Parameter<std::array<std::array<uint64_t, 2>, 1>> rank_2_array_;
  Parameter<std::array<Handle<Allocator>, 2>> array_of_two_handles_;
  Parameter<std::unordered_map<std::string, int32_t>> string_to_int_map_;
  Parameter<std::unordered_map<std::string, std::vector<double>>> string_to_vector_map_;
  Parameter<std::complex<float>> complex64_;
  Parameter<std::complex<double>> complex128_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
