// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gxf/benchmark/metrics_report.hpp"
#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

// Turns one iteration's publish and receive times into figures (compute) and the figures of
// all iterations since reset() into the test case's (conclude). A BenchmarkSink drives it.
class PerformanceCalculatorBase : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;

  virtual void begin() {}
  virtual void end() {}
  virtual void reset() {}
  virtual MetricsReport compute(const std::vector<int64_t>& published_ns,
                                const std::vector<int64_t>& received_ns) = 0;
  virtual MetricsReport conclude() = 0;

 protected:
  // `report` with each key prefixed by "[namespace] " when the namespace parameter is set.
  MetricsReport namespaced(const MetricsReport& report) const;

 private:
  Parameter<std::string> namespace_;
};

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
