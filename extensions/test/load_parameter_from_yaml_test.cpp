// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/load_parameter_from_yaml_test.hpp"

#include "extensions/test/test_assert.hpp"

namespace nvidia {
namespace gxf {
namespace test {

namespace {

constexpr const char* kExpectedMore =
    "- a: st\n  b: ee\n- c: an\n  d: en\n- e:\n    - f: figy\n      g: g";

}  // namespace

gxf_result_t LoadParameterFromYamlTest::register_interface(Registrar* registrar) {
  registrar->parameter(fact_, "fact", "Fact", "Must be true");
  registrar->parameter(rumor_, "rumor", "Rumor", "Must be false");
  registrar->parameter(forty_two_, "forty_two", "Forty-two", "Must be 42");
  registrar->parameter(minus_one_, "minus_one", "Minus one", "Must be -1");
  registrar->parameter(some_text_, "some_text", "Some text", "Must be 'hello'");
  registrar->parameter(more_, "more", "More", "A YAML block read as text");
  return GXF_SUCCESS;
}

gxf_result_t LoadParameterFromYamlTest::initialize() {
  if (!fact_.get()) assertion_failed("%s: 'fact' is not true", describe().c_str());
  if (rumor_.get()) assertion_failed("%s: 'rumor' is not false", describe().c_str());
  if (forty_two_.get() != 42) {
    assertion_failed("%s: 'forty_two' is %d", describe().c_str(), forty_two_.get());
  }
  if (minus_one_.get() != -1) {
    assertion_failed("%s: 'minus_one' is %d", describe().c_str(), minus_one_.get());
  }
  if (some_text_.get() != "hello") {
    assertion_failed("%s: 'some_text' is '%s'", describe().c_str(), some_text_.get().c_str());
  }
  if (more_.get() != kExpectedMore) {
    assertion_failed("%s: 'more' is '%s'", describe().c_str(), more_.get().c_str());
  }
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
