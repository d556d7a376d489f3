// SPDX-License-Identifier: Apache-2.0
#include "gxf/benchmark/benchmark_sink.hpp"

#include "gxf/core/logger.hpp"
#include "gxf/std/timestamp.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

gxf_result_t BenchmarkSink::register_interface(Registrar* registrar) {
  registrar->parameter(receiver_, "receiver", "Message sink receiver",
                       "A receiver for retrieving incoming messages");
  registrar->parameter(benchmark_publisher_, "benchmark_publisher",
                       "A data source benchmark publisher",
                       "A benchmark publisher for retrieving published timestamps",
                       kParameterFlagsOptional);
  registrar->parameter(performance_calculators_, "performance_calculators",
                       "Associated performance calculators",
                       "Performance calculators for the incoming message flow",
                       std::vector<Handle<PerformanceCalculatorBase>>());
  registrar->parameter(use_received_acqtime_as_published_, "use_received_acqtime_as_published",
                       "Use acqtime from incoming messages",
                       "Use the incoming messages' acqtime as their publish times", false);
  return GXF_SUCCESS;
}

gxf_result_t BenchmarkSink::initialize() {
  is_benchmarking_ = false;
  if (use_received_acqtime_as_published_.get() && benchmark_publisher_.try_get()) {
    GXF_LOG_WARNING("Parameter 'benchmark_publisher' is ignored as "
                    "'use_received_acqtime_as_published' is true");
  }
  return GXF_SUCCESS;
}

gxf_result_t BenchmarkSink::tick() {
  EntityRef message = receiver_->receive();
  if (!message) {
    return fail(GXF_CONTRACT_MESSAGE_NOT_AVAILABLE, "no message available on 'receiver'");
  }
  if (!is_benchmarking_.load(std::memory_order_acquire)) return GXF_SUCCESS;
  if (!use_received_acqtime_as_published_.get()) {
    received_.record_now();
    return GXF_SUCCESS;
  }
  // Publish times are the messages' acqtimes, in the graph clock's time: arrivals too.
  received_.record(execution_timestamp());
  const Timestamp* timestamp = message->find<Timestamp>();
  if (!timestamp) {
    return fail(GXF_ENTITY_COMPONENT_NOT_FOUND,
                "a received message has no Timestamp component, which "
                "'use_received_acqtime_as_published' needs");
  }
  published_acqtimes_.record(timestamp->acqtime);
  return GXF_SUCCESS;
}

void BenchmarkSink::begin() {
  received_.clear();
  published_acqtimes_.clear();
  is_benchmarking_.store(true, std::memory_order_release);
  for (const auto& calculator : performance_calculators_.get()) calculator->begin();
}

void BenchmarkSink::end() {
  is_benchmarking_.store(false, std::memory_order_release);
  for (const auto& calculator : performance_calculators_.get()) calculator->end();
}

void BenchmarkSink::reset() {
  received_.clear();
  published_acqtimes_.clear();
  for (const auto& calculator : performance_calculators_.get()) calculator->reset();
}

MetricsReport BenchmarkSink::compute() {
  std::vector<int64_t> published;
  if (use_received_acqtime_as_published_.get()) {
    published = published_acqtimes_.snapshot();
  } else if (auto publisher = benchmark_publisher_.try_get(); publisher && *publisher) {
    published = (*publisher)->published_timestamps().snapshot();
  }
  const std::vector<int64_t> received = received_.snapshot();
  MetricsReport report;
  for (const auto& calculator : performance_calculators_.get()) {
    report.merge(calculator->compute(published, received));
  }
  return report;
}

MetricsReport BenchmarkSink::conclude() {
  MetricsReport report;
  for (const auto& calculator : performance_calculators_.get()) report.merge(calculator->conclude());
  return report;
}

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
