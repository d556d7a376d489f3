// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/monitor.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Logs every entity execution: "[t = <ms>ms] <entity name>: <result code>".
class EntityMonitor : public Monitor {
 public:
  gxf_result_t on_execute(gxf_uid_t eid, int64_t timestamp, gxf_result_t code) override;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
