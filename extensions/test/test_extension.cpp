// SPDX-License-Identifier: Apache-2.0
// The test helper extension's registration table (GXF's TestHelperExtension).
#include "extensions/test/async_ping_rx.hpp"
#include "extensions/test/async_ping_tx.hpp"
#include "extensions/test/entity_monitor.hpp"
#include "extensions/test/fixed_vector_parameter_test.hpp"
#include "extensions/test/frame.hpp"
#include "extensions/test/load_parameter_from_yaml_test.hpp"
#include "extensions/test/mock_allocator.hpp"
#include "extensions/test/mock_codelet.hpp"
#include "extensions/test/mock_failure.hpp"
#include "extensions/test/mock_receiver.hpp"
#include "extensions/test/mock_transmitter.hpp"
#include "extensions/test/object_meta_check.hpp"
#include "extensions/test/periodic_scheduling_term_with_delay.hpp"
#include "extensions/test/ping_batch_rx.hpp"
#include "extensions/test/ping_poll_rx.hpp"
#include "extensions/test/register_parameter_interface_test.hpp"
#include "extensions/test/scheduled_ping_tx.hpp"
#include "extensions/test/std_parameter_test.hpp"
#include "extensions/test/spin_forward.hpp"
#include "extensions/test/step_count.hpp"
#include "extensions/test/step_range_count.hpp"
#include "extensions/test/tensor_test_extension.hpp"
#include "extensions/test/test_gxf_parameter_set_from_yaml_node.hpp"
#include "extensions/test/test_handle_parameter.hpp"
#include "extensions/test/test_logger.hpp"
#include "extensions/test/test_metric_logger.hpp"
#include "extensions/test/test_timestamp_rx.hpp"
#include "extensions/test/test_timestamp_tx.hpp"
#include "extensions/test/vector_parameter_test.hpp"
#include "extensions/test/wait_scheduling_term.hpp"
#include "gxf/core/extension.hpp"

namespace nvidia {
namespace gxf {
namespace test {

namespace {

void add_parameter_tests(Extension& ext) {
  ext.add<LoadParameterFromYamlTest, Component>(
      "nvidia::gxf::test::LoadParameterFromYamlTest", {0x71b23e3da4c043b6, 0x9bbf26dd23a64af7},
      "Checks scalar and block parameters read from YAML");
  ext.add<RegisterParameterInterfaceTest, Component>(
      "nvidia::gxf::test::RegisterParameterInterfaceTest",
      {0x68fc6e2f62bf40cc, 0xa9376178d42ff3e6}, "Checks mandatory/optional/default parameters");
  ext.add<FixedVectorParameterTest, Component>("nvidia::gxf::test::FixedVectorParameterTest",
                                               {0x4c9d9d50cab54c7b, 0xbe81bdce193dcccb},
                                               "Checks a 16-byte list parameter");
  ext.add<StdParameterTest, Component>("nvidia::gxf::test::StdParameterTest",
                                       {0x5fbb12c6c67b43f4, 0x9e2979e2efdaca70},
                                       "Checks parameters of standard-library types");
  ext.add<TestHandleParameter, Component>("nvidia::gxf::test::TestHandleParameter",
                                          {0xc4c12e6fb47b4b33, 0xae88a11ba2115b15},
                                          "Checks reading and re-setting a handle parameter");
  ext.add<TestGxfParameterSetFromYamlNode, Component>(
      "nvidia::gxf::test::TestGxfParameterSetFromYamlNode",
      {0x62687d72ccaa466a, 0x891712cfebf0dc52}, "Parameters of every settable type");
  ext.add<VectorParameterTest, Component>("nvidia::gxf::test::VectorParameterTest",
                                          {0xba3a7104d47042b2, 0xafb87ec7248c6756},
                                          "Rank-1 and rank-2 list parameters");
}

void add_codelets(Extension& ext) {
  ext.add<StepCount, Codelet>("nvidia::gxf::test::StepCount",
                              {0xc076cb7155ca4687, 0x8c84c789818f5cf7},
                              "Checks how often its entity was started and ticked");
  ext.add<StepRangeCount, Codelet>("nvidia::gxf::test::StepRangeCount",
                                   {0x7c4835de60be4b91, 0xb7e544f5e5bb5e99},
                                   "Checks that its entity ticked within a range");
  ext.add<SpinForward, Codelet>("nvidia::gxf::test::SpinForward",
                                {0x5d1f0c7e3a9b4e21, 0x9c47d2a8b61e0f35},
                                "Spins a fixed time per tick, then forwards a message");
  ext.add<AsyncPingTx, Codelet>("nvidia::gxf::test::AsyncPingTx",
                                {0x1c211f155e5a4efc, 0x8daa19f351d19ad6},
                                "Sends a message per asynchronous event");
  ext.add<AsyncPingRx, Codelet>("nvidia::gxf::test::AsyncPingRx",
                                {0xa4f26a81a7dc4cdb, 0x8ad9c638c2de48f8},
                                "Receives a message per asynchronous event");
  ext.add<PingPollRx, Codelet>("nvidia::gxf::test::PingPollRx",
                               {0x7822475d3acb4725, 0x97359aa307145d0d},
                               "Polls a receiver and checks the count at stop");
  ext.add<PingBatchRx, Codelet>("nvidia::gxf::test::PingBatchRx",
                                {0x57793748911f48da, 0xa828b2b0e2a22798},
                                "Receives messages in batches");
  ext.add<ScheduledPingTx, Codelet>("nvidia::gxf::test::ScheduledPingTx",
                                    {0x3f37aa24234d4753, 0xbd575da95700863f},
                                    "Pings at target times it sets itself");
  ext.add<TestMetricLogger, Codelet>("nvidia::gxf::test::TestMetricLogger",
                                     {0x78f8b2c6f9d14c92, 0xbfa8f62ff4c867d4},
                                     "Records into Metric components and checks them");
  ext.add<TestTimestampTx, Codelet>("nvidia::gxf::test::TestTimestampTx",
                                    {0x5a7db5b8f5d240a1, 0xbb3d0a071e482063},
                                    "Publishes timestamped messages on a schedule");
  ext.add<TestTimestampRx, Codelet>("nvidia::gxf::test::TestTimestampRx",
                                    {0x9a570006fa26405a, 0xa2d86dfc48d5ce39},
                                    "Checks the step between message timestamps");
  ext.add<ObjectMetaCheck, Codelet>("nvidia::gxf::test::ObjectMetaCheck",
                                    {0x4e2b9c7a1d5f4a63, 0x8c1e07b3f9a2d654},
                                    "Checks and extends the ObjectMeta of gxf.flow buffers");
  ext.add<TestLogger, Codelet>("nvidia::gxf::test::TestLogger",
                               {0xc80311efa2b64c12, 0xa3591a94cb17028d},
                               "Logs at every severity");
  ext.add<MockFailure, Codelet>("nvidia::gxf::test::MockFailure",
                                {0x47f5ee6a7f3f46ea, 0xb7750faa22d3ef96},
                                "Fails every tick after a number of successful ones");
  ext.add<MockCodelet, Codelet>("nvidia::gxf::test::MockCodelet",
                                {0x01401bae1cf64e91, 0xadd00c88b988b04c},
                                "Source, processing or sink stage with simulated work");
}

void add_infrastructure(Extension& ext) {
  ext.add<EntityMonitor, Monitor>("nvidia::gxf::test::EntityMonitor",
                                  {0xd3f52056b8a0974d, 0xf8d3c321bdf247ee},
                                  "Logs every entity execution");
  ext.add<PeriodicSchedulingTermWithDelay, PeriodicSchedulingTerm>(
      "nvidia::gxf::test::PeriodicSchedulingTermWithDelay",
      {0xf1325020085d4721, 0xa1494cfbb91a46ee}, "Periodic term with jitter");
  ext.add<WaitSchedulingTerm, SchedulingTerm>("nvidia::gxf::test::WaitSchedulingTerm",
                                              {0x81d798d0693c4898, 0x8efcbaef514b2447},
                                              "Always WAIT");
  ext.add<MockAllocator, Allocator>("nvidia::gxf::test::MockAllocator",
                                    {0x93585693d816b6c5, 0xcb06ba6ec534dfd4},
                                    "Allocator with limits and leak detection");
  ext.add<MockTransmitter, Transmitter>("nvidia::gxf::test::MockTransmitter",
                                        {0x9fa09605848581ab, 0x92c23096508cc4a1},
                                        "Single-stage transmitter that must end empty");
  ext.add<MockReceiver, Receiver>("nvidia::gxf::test::MockReceiver",
                                  {0xe9c70ddbf2235546, 0xbb7b118048380c21},
                                  "Single-stage receiver that must end empty");
  ext.add<Frame, Component>("nvidia::gxf::test::Frame", {0xebbdd7ba3faa4239, 0xb64b8cfacb001fdd},
                            "Latency record MockCodelet attaches to messages");
}

void test_extension_factory(Extension& ext) {
  ext.set_info({0x1b99ffebc2504ced, 0x811762ac05969a50}, "TestHelperExtension",
               "Components used to test the standard components", "NVIDIA-compatible", "2.6.0",
               "Apache-2.0");
  add_parameter_tests(ext);
  add_codelets(ext);
  add_infrastructure(ext);
  add_tensor_test_components(ext);
}

}  // namespace

}  // namespace test
}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_test.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::test::test_extension_factory(extension); }
