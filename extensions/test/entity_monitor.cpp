// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/entity_monitor.hpp"

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t EntityMonitor::on_execute(gxf_uid_t eid, int64_t timestamp, gxf_result_t code) {
  if (!log_enabled(Severity::kInfo)) return GXF_SUCCESS;
  Entity* entity = context()->entity(eid);
  if (!entity) return GXF_ENTITY_NOT_FOUND;
  GXF_LOG_INFO("[t = %0.1fms] %s: %s", static_cast<double>(timestamp) * 1e-6,
               entity->name().c_str(), result_str(code));
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
