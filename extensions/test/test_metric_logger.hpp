// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/codelet.hpp"
#include "gxf/std/metric.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Records the tick count (0, 1, 2, ...) into nine Metric components, one per aggregation
// policy, and at stop() checks every aggregate and its threshold verdict for 100 ticks
// (mean 49.5, rms 57.3018, abs_max/max/fixed 99, min 0, sum 4950; the last metric's thresholds
// must fail).
class TestMetricLogger : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;
  gxf_result_t stop() override;

 private:
  // Ends the process (a test assertion) unless the metric holds `expected` and its threshold
  // verdict is `expected_success`.
  void verify(const Parameter<Handle<Metric>>& metric, double expected, bool expected_success);

  Parameter<Handle<Metric>> parameter_;
  Parameter<Handle<Metric>> mean_;
  Parameter<Handle<Metric>> rms_;
  Parameter<Handle<Metric>> abs_max_;
  Parameter<Handle<Metric>> max_;
  Parameter<Handle<Metric>> min_;
  Parameter<Handle<Metric>> sum_;
  Parameter<Handle<Metric>> fixed_;
  Parameter<Handle<Metric>> fail_threshold_;
  double ticks_ = 0.0;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
