// SPDX-License-Identifier: Apache-2.0
#include "gxf/benchmark/performance_calculator_base.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

gxf_result_t PerformanceCalculatorBase::register_interface(Registrar* registrar) {
  registrar->parameter(namespace_, "namespace", "Performance calculator namespace",
                       "Prefix of this calculator's report keys", std::string());
  return GXF_SUCCESS;
}

MetricsReport PerformanceCalculatorBase::namespaced(const MetricsReport& report) const {
  if (namespace_.get().empty()) return report;
  MetricsReport prefixed;
  for (const auto& [key, value] : report.values()) {
    prefixed.set("[" + namespace_.get() + "] " + key, value);
  }
  return prefixed;
}

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
