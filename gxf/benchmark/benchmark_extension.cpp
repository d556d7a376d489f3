// SPDX-License-Identifier: Apache-2.0
// The benchmark extension's registration table (GXF's type ids, so graphs and tools that
// name them by id agree).
#include "gxf/benchmark/basic_metrics_calculator.hpp"
#include "gxf/benchmark/benchmark_controller.hpp"
#include "gxf/benchmark/benchmark_publisher.hpp"
#include "gxf/benchmark/benchmark_sink.hpp"
#include "gxf/benchmark/entity_buffer.hpp"
#include "gxf/benchmark/performance_calculator_base.hpp"
#include "gxf/core/extension.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

namespace {

void benchmark_extension_factory(Extension& ext) {
  ext.set_info({0xb53ebe0ce4274485, 0x8ca2a4ddc8664bec}, "BenchmarkExtension",
               "Benchmark controller, publisher, sink and performance calculators",
               "NVIDIA-compatible", "1.4.0", "Apache-2.0");
  ext.add<PerformanceCalculatorBase, Component>(
      "nvidia::gxf::benchmark::PerformanceCalculatorBase", {0xd7adb7a6d0954e3d, 0x843959a0d7c8f69e});
  ext.add<BasicMetricsCalculator, PerformanceCalculatorBase>(
      "nvidia::gxf::benchmark::BasicMetricsCalculator", {0x135cc6029a18437b, 0x8d1dd4e0a1fbd45d});
  ext.add<EntityBuffer, Codelet>("nvidia::gxf::benchmark::EntityBuffer",
                                 {0xa2e06c9967d14f24, 0xa393dd3e0fb76242});
  ext.add<BenchmarkPublisher, Codelet>("nvidia::gxf::benchmark::BenchmarkPublisher",
                                       {0x52d9e7c72a394dd6, 0x9b10f6242dc4c6d6});
  ext.add<BenchmarkSink, Codelet>("nvidia::gxf::benchmark::BenchmarkSink",
                                  {0x35885a99e29a4cdb, 0xa08d7b288ccf41f1});
  ext.add<BenchmarkController, Codelet>("nvidia::gxf::benchmark::BenchmarkController",
                                        {0x763b55415b654b84, 0xa6ee837d9459e903});
}

}  // namespace

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_benchmark.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::benchmark::benchmark_extension_factory(extension); }
