// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gxf/benchmark/benchmark_publisher.hpp"
#include "gxf/benchmark/benchmark_sink.hpp"
#include "gxf/benchmark/metrics_report.hpp"
#include "gxf/serialization/file.hpp"
#include "gxf/std/asynchronous_scheduling_term.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/scheduling_terms.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

// Runs a benchmark as a state machine ticked by its own target-time term:
//   buffering   the data sources run until every publisher's EntityBuffer holds
//               entity_buffer_size messages, then are stopped for good;
//   iterations  an optional trial run, then benchmark_iterations runs of
//               benchmark_duration_ms, each starting the publishers (their asynchronous
//               terms), stopping them, letting the sinks drain, and collecting the sinks'
//               figures;
//   report      the test case's figures and each iteration's, printed and written as JSON
//               to exported_report; then the controller (and the graph's listed boolean
//               terms) stop, so the graph ends.
// Waits never block a worker thread: the controller asks its target-time term for the next
// tick instead, so sinks keep draining under a single-threaded scheduler.
class BenchmarkController : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

 private:
  enum class State {
    kInit,
    kBuffering,
    kSettling,
    kSetUpTestCase,
    kStartIteration,
    kRunningIteration,
    kDrainingIteration,
    kConcludeTestCase,
    kEnding,
    kEnded,
  };

  State handle_init();
  gxf_result_t handle_buffering(State* next);
  State handle_set_up_test_case();
  State handle_start_iteration();
  State handle_running_iteration();
  State handle_draining_iteration();
  gxf_result_t handle_conclude(State* next);
  State handle_ending();

  bool all_buffers_full() const;
  std::string buffer_fill_text() const;
  gxf_result_t export_report();
  void print_report(const MetricsReport& report, const std::string& sub_heading) const;
  int64_t seconds_ns(uint64_t seconds) const { return static_cast<int64_t>(seconds) * 1000000000; }

  Parameter<std::vector<Handle<BooleanSchedulingTerm>>> data_source_boolean_terms_;
  Parameter<std::vector<Handle<AsynchronousSchedulingTerm>>> data_source_async_terms_;
  Parameter<Handle<BooleanSchedulingTerm>> controller_boolean_term_;
  Parameter<Handle<TargetTimeSchedulingTerm>> controller_target_time_term_;
  Parameter<std::vector<Handle<BooleanSchedulingTerm>>> graph_boolean_terms_;
  Parameter<std::vector<Handle<BenchmarkPublisher>>> benchmark_publishers_;
  Parameter<std::vector<Handle<BenchmarkSink>>> benchmark_sinks_;
  Parameter<bool> trial_run_;
  Parameter<bool> kill_at_the_end_;
  Parameter<std::string> title_;
  Parameter<Handle<File>> exported_report_;
  Parameter<uint64_t> entity_buffer_size_;
  Parameter<uint64_t> benchmark_duration_ms_;
  Parameter<uint64_t> benchmark_iterations_;
  Parameter<uint64_t> benchmark_buffering_timeout_s_;
  Parameter<uint64_t> post_trial_benchmark_iteration_delay_s_;
  Parameter<uint64_t> post_benchmark_iteration_delay_s_;

  State state_ = State::kInit;
  // When the current wait (buffering timeout, iteration, drain) ends, in clock ns.
  int64_t deadline_ns_ = 0;
  // The controller's next tick, in clock ns; 0: at once.
  int64_t next_tick_ns_ = 0;
  uint64_t iteration_count_ = 0;
  bool is_trial_running_ = false;
  std::vector<MetricsReport> iteration_reports_;
  MetricsReport concluded_;
};

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
