// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/test_metric_logger.hpp"

#include <cmath>

#include "extensions/test/test_assert.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t TestMetricLogger::register_interface(Registrar* registrar) {
  registrar->parameter(parameter_, "sample_metric_parameter", "Metric (policy from parameter)");
  registrar->parameter(mean_, "sample_metric_mean", "Metric (mean)");
  registrar->parameter(rms_, "sample_metric_rms", "Metric (root mean square)");
  registrar->parameter(abs_max_, "sample_metric_abs_max", "Metric (absolute maximum)");
  registrar->parameter(max_, "sample_metric_max", "Metric (maximum)");
  registrar->parameter(min_, "sample_metric_min", "Metric (minimum)");
  registrar->parameter(sum_, "sample_metric_sum", "Metric (sum)");
  registrar->parameter(fixed_, "sample_metric_fixed", "Metric (last sample)");
  registrar->parameter(fail_threshold_, "sample_metric_fail_threshold",
                       "Metric whose thresholds must not be met");
  return GXF_SUCCESS;
}

gxf_result_t TestMetricLogger::start() {
  ticks_ = 0.0;
  // Metrics whose policy came from the graph file refuse a second one; that is expected here.
  (void)mean_->set_mean_aggregation();
  (void)rms_->set_root_mean_square_aggregation();
  (void)abs_max_->set_abs_max_aggregation();
  (void)max_->set_max_aggregation();
  (void)min_->set_min_aggregation();
  (void)sum_->set_sum_aggregation();
  (void)fixed_->set_fixed_aggregation();
  return GXF_SUCCESS;
}

gxf_result_t TestMetricLogger::tick() {
  for (const auto* metric : {&parameter_, &mean_, &rms_, &max_, &min_, &sum_, &fixed_,
                             &fail_threshold_}) {
    (void)metric->get()->record(ticks_);
  }
  (void)abs_max_->record(-ticks_);
  ticks_ += 1.0;
  return GXF_SUCCESS;
}

void TestMetricLogger::verify(const Parameter<Handle<Metric>>& metric, double expected,
                              bool expected_success) {
  auto value = metric->aggregated_value();
  auto success = metric->evaluate_success();
  if (!value || !success || std::abs(value.value() - expected) > 1e-4 ||
      success.value() != expected_success) {
    assertion_failed("%s: metric '%s' aggregated %f (expected %f), success %d (expected %d)",
                     describe().c_str(), metric->name().c_str(), value ? value.value() : NAN,
                     expected, success ? static_cast<int>(success.value()) : -1,
                     static_cast<int>(expected_success));
  }
}

gxf_result_t TestMetricLogger::stop() {
  verify(parameter_, 49.5, true);
  verify(mean_, 49.5, true);
  verify(rms_, 57.301832, true);
  verify(abs_max_, 99.0, true);
  verify(max_, 99.0, true);
  verify(min_, 0.0, true);
  verify(sum_, 4950.0, true);
  verify(fixed_, 99.0, true);
  verify(fail_threshold_, 4950.0, false);
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
