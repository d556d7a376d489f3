// SPDX-License-Identifier: Apache-2.0
#include "gxf/benchmark/basic_metrics_calculator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace nvidia {
namespace gxf {
namespace benchmark {

namespace {

// GXF's report keys.
const char kSentDuration[] = "Delta between First & Last Sent Frames (ms)";
const char kReceivedDuration[] = "Delta between First & Last Received Frames (ms)";
const char kPublisherFrameRate[] = "Mean Publisher Frame Rate (fps)";
const char kOutputFrameRate[] = "Mean Frame Rate (fps)";
const char kSentCount[] = "# of Frames Sent";
const char kReceivedCount[] = "# of Frames Received";
const char kMissedCount[] = "# of Missed Frames";
const char kFirstSentReceivedLatency[] = "First Sent to First Received Latency (ms)";
const char kLastSentReceivedLatency[] = "Last Sent to Last Received Latency (ms)";
const char kMaxLatency[] = "Max. End-to-End Latency (ms)";
const char kMinLatency[] = "Min. End-to-End Latency (ms)";
const char kMeanLatency[] = "Mean End-to-End Latency (ms)";
const char kSdLatency[] = "SD. End-to-End Latency (ms)";
const char kMaxJitter[] = "Max. Frame-to-Frame Jitter (ms)";
const char kMinJitter[] = "Min. Frame-to-Frame Jitter (ms)";
const char kMeanJitter[] = "Mean Frame-to-Frame Jitter (ms)";
const char kSdJitter[] = "SD. Frame-to-Frame Jitter (ms)";

// The order figures appear in a report, and how the test case combines the iterations'.
enum class Combine { kMean, kMax, kMin };
struct Figure {
  const char* key;
  Combine combine;
};
const Figure kFigures[] = {
    {kSentDuration, Combine::kMean},       {kReceivedDuration, Combine::kMean},
    {kPublisherFrameRate, Combine::kMean}, {kOutputFrameRate, Combine::kMean},
    {kSentCount, Combine::kMean},          {kReceivedCount, Combine::kMean},
    {kMissedCount, Combine::kMean},        {kFirstSentReceivedLatency, Combine::kMean},
    {kLastSentReceivedLatency, Combine::kMean}, {kMaxLatency, Combine::kMax},
    {kMinLatency, Combine::kMin},          {kMeanLatency, Combine::kMean},
    {kSdLatency, Combine::kMean},          {kMaxJitter, Combine::kMax},
    {kMinJitter, Combine::kMin},           {kMeanJitter, Combine::kMean},
    {kSdJitter, Combine::kMean},
};

constexpr double kNsPerMs = 1e6;

struct Stats {
  double max, min, mean, sd;
};

// Max, min, mean and (population) standard deviation of a non-empty list.
Stats stats_of(const std::vector<double>& values) {
  Stats stats{values[0], values[0], 0.0, 0.0};
  for (double v : values) {
    stats.max = std::max(stats.max, v);
    stats.min = std::min(stats.min, v);
    stats.mean += v;
  }
  stats.mean /= static_cast<double>(values.size());
  for (double v : values) stats.sd += (v - stats.mean) * (v - stats.mean);
  stats.sd = std::sqrt(stats.sd / static_cast<double>(values.size()));
  return stats;
}

// Messages per second between the first and the last time; 0 with fewer than two.
double rate_of(const std::vector<int64_t>& times) {
  if (times.size() < 2) return 0.0;
  const auto [first, last] = std::minmax_element(times.begin(), times.end());
  const double span_s = static_cast<double>(*last - *first) * 1e-9;
  return span_s > 0 ? static_cast<double>(times.size() - 1) / span_s : 0.0;
}

double span_ms(const std::vector<int64_t>& times) {
  const auto [first, last] = std::minmax_element(times.begin(), times.end());
  return static_cast<double>(*last - *first) / kNsPerMs;
}

}  // namespace

MetricsReport BasicMetricsCalculator::compute(const std::vector<int64_t>& published_ns,
                                              const std::vector<int64_t>& received_ns) {
  MetricsReport report;
  const size_t sent = published_ns.size();
  const size_t received = received_ns.size();
  if (sent > 0) report.set(kSentDuration, span_ms(published_ns));
  if (received > 0) report.set(kReceivedDuration, span_ms(received_ns));
  report.set(kPublisherFrameRate, rate_of(published_ns));
  report.set(kOutputFrameRate, rate_of(received_ns));
  report.set(kSentCount, static_cast<double>(sent));
  report.set(kReceivedCount, static_cast<double>(received));
  if (sent > 0) report.set(kMissedCount, static_cast<double>(sent) - static_cast<double>(received));

  if (sent > 0 && received > 0) {
    report.set(kFirstSentReceivedLatency,
               static_cast<double>(received_ns.front() - published_ns.front()) / kNsPerMs);
    report.set(kLastSentReceivedLatency,
               static_cast<double>(received_ns.back() - published_ns.back()) / kNsPerMs);
  }
  // Per-message latency pairs the i-th publish with the i-th receive, which holds only when
  // no message was lost or is still in flight.
  if (sent == received && sent > 0) {
    std::vector<double> latency_ms(sent);
    for (size_t i = 0; i < sent; ++i) {
      latency_ms[i] = static_cast<double>(received_ns[i] - published_ns[i]) / kNsPerMs;
    }
    const Stats latency = stats_of(latency_ms);
    report.set(kMaxLatency, latency.max);
    report.set(kMinLatency, latency.min);
    report.set(kMeanLatency, latency.mean);
    report.set(kSdLatency, latency.sd);
  }
  // Jitter: how much each inter-arrival gap differs from the one before.
  if (received > 2) {
    std::vector<double> jitter_ms(received - 2);
    for (size_t i = 0; i + 2 < received; ++i) {
      const int64_t gap = received_ns[i + 1] - received_ns[i];
      const int64_t next_gap = received_ns[i + 2] - received_ns[i + 1];
      jitter_ms[i] = static_cast<double>(std::llabs(next_gap - gap)) / kNsPerMs;
    }
    const Stats jitter = stats_of(jitter_ms);
    report.set(kMaxJitter, jitter.max);
    report.set(kMinJitter, jitter.min);
    report.set(kMeanJitter, jitter.mean);
    report.set(kSdJitter, jitter.sd);
  }
  history_.push_back(report);
  return namespaced(report);
}

MetricsReport BasicMetricsCalculator::conclude() {
  MetricsReport report;
  for (const Figure& figure : kFigures) {
    std::vector<double> values;
    for (const MetricsReport& iteration : history_) {
      if (const double* value = iteration.find(figure.key)) values.push_back(*value);
    }
    // A figure some iteration lacks is left out, as a mean over part would mislead.
    if (values.empty() || values.size() != history_.size()) continue;
    if (values.size() > 2) {
      // Outliers (a cold first iteration, a preempted one) out, as GXF does.
      std::sort(values.begin(), values.end());
      values = std::vector<double>(values.begin() + 1, values.end() - 1);
    }
    const Stats stats = stats_of(values);
    const double combined = figure.combine == Combine::kMax   ? stats.max
                            : figure.combine == Combine::kMin ? stats.min
                                                              : stats.mean;
    report.set(figure.key, combined);
  }
  return namespaced(report);
}

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
