// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/benchmark/performance_calculator_base.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

// Message counts, frame rates, end-to-end latency and frame-to-frame jitter of one
// iteration; the test case's figures are the iterations' means (max/min for the extremes),
// leaving out each figure's highest and lowest iteration when there are more than two.
class BasicMetricsCalculator : public PerformanceCalculatorBase {
 public:
  void reset() override { history_.clear(); }
  MetricsReport compute(const std::vector<int64_t>& published_ns,
                        const std::vector<int64_t>& received_ns) override;
  MetricsReport conclude() override;

 private:
  std::vector<MetricsReport> history_;
};

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
