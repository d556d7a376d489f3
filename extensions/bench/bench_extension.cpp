// SPDX-License-Identifier: Apache-2.0
// Native source and sink of tools/bench/infer.py (--native-ends): the graph's own cost around
// an inference component without the Python codelets' per-frame calls.
#include "extensions/bench/counting_sink.hpp"
#include "extensions/bench/frame_source.hpp"
#include "gxf/core/extension.hpp"

GXF_EXTENSION_FACTORY(extension) {
  using namespace nvidia::gxf;  // NOLINT
  extension.set_info({0x6c1f3a2e9d8b4c70, 0xa2b3c4d5e6f70812}, "BenchExtension",
                     "Native source and sink of the inference bench", "gxf-engine", "1.0.0",
                     "Apache-2.0");
  extension.add<bench::FrameSource, Codelet>("nvidia::gxf::bench::FrameSource",
                                             {0x6c1f3a2e9d8b4c71, 0xa2b3c4d5e6f70813},
                                             "Publishes preallocated float frames");
  extension.add<bench::CountingSink, Codelet>("nvidia::gxf::bench::CountingSink",
                                              {0x6c1f3a2e9d8b4c72, 0xa2b3c4d5e6f70814},
                                              "Counts frames and times them after a warm-up");
}
