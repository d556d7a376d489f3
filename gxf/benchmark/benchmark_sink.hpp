// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <vector>

#include "gxf/benchmark/benchmark_publisher.hpp"
#include "gxf/benchmark/metrics_report.hpp"
#include "gxf/benchmark/performance_calculator_base.hpp"
#include "gxf/benchmark/timestamp_log.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

// End of the graph under test: takes every message and, while an iteration runs, records
// when it arrived. The BenchmarkController then has its performance calculators turn these
// times and the benchmark publisher's into figures.
class BenchmarkSink : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t tick() override;

  // An iteration starts: times are recorded from now on.
  void begin();
  // The iteration ended: later arrivals are not counted.
  void end();
  // A new test case: forgets the times and the calculators' history.
  void reset();
  // The iteration's figures from every calculator.
  MetricsReport compute();
  // The test case's figures from every calculator.
  MetricsReport conclude();
  void clear_recorded_timestamps() { received_.clear(); }

 private:
  Parameter<Handle<Receiver>> receiver_;
  Parameter<Handle<BenchmarkPublisher>> benchmark_publisher_;
  Parameter<std::vector<Handle<PerformanceCalculatorBase>>> performance_calculators_;
  Parameter<bool> use_received_acqtime_as_published_;
  std::atomic<bool> is_benchmarking_{false};
  TimestampLog received_;
  TimestampLog published_acqtimes_;
};

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
