// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

// Told after every execution of any entity (start, tick, stop or a mere check), with the
// scheduler's timestamp and the execution's result. Registered with the executor when its
// entity is activated; called on the executing thread, so implementations synchronise
// themselves.
class Monitor : public Component {
 public:
  virtual gxf_result_t on_execute(gxf_uid_t eid, int64_t timestamp, gxf_result_t code) = 0;
};

}  // namespace gxf
}  // namespace nvidia
