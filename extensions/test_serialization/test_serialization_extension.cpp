// SPDX-License-Identifier: Apache-2.0
// GXF's serialization test extension (gxf/serialization/tests/libgxf_test_serialization.so).
#include "extensions/test_serialization/serialization_tester.hpp"
#include "gxf/core/extension.hpp"

GXF_EXTENSION_FACTORY(ext) {
  ext.set_info({0xc8dfd61abe545fd4, 0xf828df87e6b0162b}, "TestSerializationExtension",
               "Testing components of the serialization extension", "NVIDIA-compatible",
               "1.0.0", "Apache-2.0");
  ext.add<nvidia::gxf::test::SerializationTester, nvidia::gxf::Codelet>(
      "nvidia::gxf::test::SerializationTester", {0xdb9f4ca3f121471b, 0xb0a0d49b89a0dc19});
}
