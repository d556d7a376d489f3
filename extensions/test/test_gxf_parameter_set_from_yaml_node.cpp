// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/test_gxf_parameter_set_from_yaml_node.hpp"

namespace nvidia {
namespace gxf {
namespace test {

template <typename T>
void TestGxfParameterSetFromYamlNode::register_ranks(Registrar* registrar, Ranks<T>& ranks,
                                                     const char* name) {
  registrar->parameter(ranks.scalar, name, name);
  registrar->parameter(ranks.vector, (std::string("vector_") + name).c_str(), name);
  registrar->parameter(ranks.vector_2d, (std::string("vector_2d_") + name).c_str(), name);
}

gxf_result_t TestGxfParameterSetFromYamlNode::register_interface(Registrar* registrar) {
  register_ranks(registrar, bool_, "bool");
  register_ranks(registrar, int8_, "int8");
  register_ranks(registrar, int16_, "int16");
  register_ranks(registrar, int32_, "int32");
  register_ranks(registrar, int64_, "int64");
  register_ranks(registrar, uint8_, "uint8");
  register_ranks(registrar, uint16_, "uint16");
  register_ranks(registrar, uint32_, "uint32");
  register_ranks(registrar, uint64_, "uint64");
  register_ranks(registrar, float_, "float");
  register_ranks(registrar, double_, "double");
  register_ranks(registrar, string_, "string");
  registrar->parameter(handle_, "handle", "handle");
  registrar->parameter(vector_handle_, "vector_handle", "vector_handle");
  registrar->parameter(complex64_, "complex64", "complex64");
  registrar->parameter(complex128_, "complex128", "complex128");
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
