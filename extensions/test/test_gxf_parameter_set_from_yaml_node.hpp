// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <complex>
#include <cstdint>
#include <string>
#include <vector>

#include "gxf/core/component.hpp"
#include "gxf/std/allocator.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// One mandatory parameter of every type the YAML-node setter supports (scalars, strings,
// handles, rank-1 and rank-2 lists, complex numbers), set by the API tests.
class TestGxfParameterSetFromYamlNode : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;

 private:
  template <typename T>
  struct Ranks {
    Parameter<T> scalar;
    Parameter<std::vector<T>> vector;
    Parameter<std::vector<std::vector<T>>> vector_2d;
  };
  template <typename T>
  void register_ranks(Registrar* registrar, Ranks<T>& ranks, const char* name);

  Ranks<bool> bool_;
  Ranks<int8_t> int8_;
  Ranks<int16_t> int16_;
  Ranks<int32_t> int32_;
  Ranks<int64_t> int64_;
  Ranks<uint8_t> uint8_;
  Ranks<uint16_t> uint16_;
  Ranks<uint32_t> uint32_;
  Ranks<uint64_t> uint64_;
  Ranks<float> float_;
  Ranks<double> double_;
  Ranks<std::string> string_;
  Parameter<Handle<Allocator>> handle_;
  Parameter<std::vector<Handle<Allocator>>> vector_handle_;
  Parameter<std::complex<float>> complex64_;
  Parameter<std::complex<double>> complex128_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
