// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/metric.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t Metric::register_interface(Registrar* registrar) {
  registrar->parameter(aggregation_policy_, "aggregation_policy", "Aggregation policy",
                       "mean, root_mean_square, abs_max, max, min, sum or fixed",
                       kParameterFlagsOptional);
  registrar->parameter(lower_threshold_, "lower_threshold", "Lower threshold",
                       "Lowest aggregate that counts as success", kParameterFlagsOptional);
  registrar->parameter(upper_threshold_, "upper_threshold", "Upper threshold",
                       "Highest aggregate that counts as success", kParameterFlagsOptional);
  return GXF_SUCCESS;
}

gxf_result_t Metric::initialize() {
  if (!aggregation_policy_.is_set()) return GXF_SUCCESS;
  gxf_result_t code = set_policy(aggregation_policy_.get());
  if (code != GXF_SUCCESS) {
    return fail(code, "unknown aggregation policy '%s' (mean, root_mean_square, abs_max, max, "
                "min, sum, fixed)", aggregation_policy_.get().c_str());
  }
  return GXF_SUCCESS;
}

gxf_result_t Metric::set_policy(const std::string& policy) {
  if (policy == "mean") return set_mean_aggregation();
  if (policy == "root_mean_square") return set_root_mean_square_aggregation();
  if (policy == "abs_max") return set_abs_max_aggregation();
  if (policy == "max") return set_max_aggregation();
  if (policy == "min") return set_min_aggregation();
  if (policy == "sum") return set_sum_aggregation();
  if (policy == "fixed") return set_fixed_aggregation();
  return GXF_PARAMETER_OUT_OF_RANGE;
}

gxf_result_t Metric::record(double sample) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!function_) {
    return fail(GXF_FAILURE, "set an aggregation function before recording samples");
  }
  value_ = function_(sample);
  has_value_ = true;
  return GXF_SUCCESS;
}

gxf_result_t Metric::set_aggregation_function(AggregationFunction function) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (function_) {
    GXF_LOG_WARNING("%s: the aggregation function is already set", describe().c_str());
    return GXF_FAILURE;
  }
  function_ = std::move(function);
  return GXF_SUCCESS;
}

Expected<double> Metric::aggregated_value() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!has_value_) return make_error(GXF_FAILURE, "no sample recorded");
  return value_;
}

Expected<bool> Metric::evaluate_success() const {
  auto value = aggregated_value();
  if (!value) return value.error();
  auto lower = lower_threshold_.try_get();
  auto upper = upper_threshold_.try_get();
  if (lower && upper && *lower > *upper) {
    return make_error(GXF_PARAMETER_OUT_OF_RANGE, "lower_threshold is above upper_threshold");
  }
  bool success = true;
  if (lower) success = success && value.value() >= *lower;
  if (upper) success = success && value.value() <= *upper;
  return success;
}

void Metric::reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  has_value_ = false;
}

gxf_result_t Metric::set_mean_aggregation() {
  return set_aggregation_function([count = 0.0, sum = 0.0](double sample) mutable {
    sum += sample;
    count += 1.0;
    return sum / count;
  });
}

gxf_result_t Metric::set_root_mean_square_aggregation() {
  return set_aggregation_function([count = 0.0, squares = 0.0](double sample) mutable {
    squares += sample * sample;
    count += 1.0;
    return std::sqrt(squares / count);
  });
}

gxf_result_t Metric::set_abs_max_aggregation() {
  return set_aggregation_function(
      [best = std::numeric_limits<double>::lowest()](double sample) mutable {
        best = std::max(best, std::abs(sample));
        return best;
      });
}

gxf_result_t Metric::set_max_aggregation() {
  return set_aggregation_function(
      [best = std::numeric_limits<double>::lowest()](double sample) mutable {
        best = std::max(best, sample);
        return best;
      });
}

gxf_result_t Metric::set_min_aggregation() {
  return set_aggregation_function(
      [best = std::numeric_limits<double>::max()](double sample) mutable {
        best = std::min(best, sample);
        return best;
      });
}

gxf_result_t Metric::set_sum_aggregation() {
  return set_aggregation_function([sum = 0.0](double sample) mutable {
    sum += sample;
    return sum;
  });
}

gxf_result_t Metric::set_fixed_aggregation() {
  return set_aggregation_function([](double sample) { return sample; });
}

}  // namespace gxf
}  // namespace nvidia
