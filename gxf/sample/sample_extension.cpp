// SPDX-License-Identifier: Apache-2.0
// The sample extension's registration table.
#include "gxf/core/extension.hpp"
#include "gxf/sample/multi_ping_rx.hpp"
#include "gxf/sample/ping_async.hpp"
#include "gxf/sample/ping_batch_rx.hpp"
#include "gxf/sample/ping_rx.hpp"
#include "gxf/sample/ping_tx.hpp"

namespace nvidia {
namespace gxf {

namespace {

void sample_extension_factory(Extension& ext) {
  ext.set_info({0xa6ad78b6168211ec, 0x96210242ac130002}, "SampleExtension",
               "Sample codelets: ping, hello world", "NVIDIA-compatible", "1.0.0", "Apache-2.0");
  ext.add<PingTx, Codelet>("nvidia::gxf::PingTx", {0x568ba758168811ec, 0x96210242ac130002});
  ext.add<PingRx, Codelet>("nvidia::gxf::PingRx", {0xa7fc439a168811ec, 0x96210242ac130002});
  ext.add<PingBatchRx, Codelet>("nvidia::gxf::PingBatchRx",
                               {0x75acc5caeaaa11ed, 0xa05b0242ac120003});
  ext.add<MultiPingRx, Codelet>("nvidia::gxf::MultiPingRx",
                               {0xd7a53484a1a711ed, 0xb686138d2bc637ee});
  ext.add<PingTxAsync, Codelet>("nvidia::gxf::PingTxAsync", {0x986417b44f1546b3, 0xbb2426382858d1db});
  ext.add<PingRxAsync, Codelet>("nvidia::gxf::PingRxAsync", {0x7720a88e28f84a84, 0xb6d08c39e8014ef4});
  ext.add<PingCount, Component>("nvidia::gxf::PingCount", {0x5b1e2c7d9a3f4e01, 0x8c2d4f6a1b3e5d70});
  ext.add<HelloWorld, Codelet>("nvidia::gxf::HelloWorld", {0x3d1e58fc74fa11ed, 0xa7eef7e728cd4c11});
}

}  // namespace

}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_sample.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::sample_extension_factory(extension); }
