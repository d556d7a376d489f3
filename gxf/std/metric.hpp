// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

// Aggregates samples that codelets record (mean, rms, max, ...) and says whether the aggregate
// lies within the optional thresholds. The policy comes from `aggregation_policy` or from one
// of the set_*_aggregation() calls; it can be chosen only once.
class Metric : public Component {
 public:
  using AggregationFunction = std::function<double(double)>;

  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;

  gxf_result_t record(double sample);
  gxf_result_t set_aggregation_function(AggregationFunction function);
  // Aggregate so far; GXF_FAILURE before the first sample.
  Expected<double> aggregated_value() const;
  // True when the aggregate lies within the thresholds that are set.
  Expected<bool> evaluate_success() const;
  void reset();

  gxf_result_t set_mean_aggregation();
  gxf_result_t set_root_mean_square_aggregation();
  gxf_result_t set_abs_max_aggregation();
  gxf_result_t set_max_aggregation();
  gxf_result_t set_min_aggregation();
  gxf_result_t set_sum_aggregation();
  gxf_result_t set_fixed_aggregation();

 private:
  gxf_result_t set_policy(const std::string& policy);

  Parameter<std::string> aggregation_policy_;
  Parameter<double> lower_threshold_;
  Parameter<double> upper_threshold_;

  mutable std::mutex mutex_;
  AggregationFunction function_;
  bool has_value_ = false;
  double value_ = 0.0;
};

}  // namespace gxf
}  // namespace nvidia
