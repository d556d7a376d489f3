// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include "gxf/core/bindings/context_handle.hpp"
#include "gxf/core/bindings/errors.hpp"
#include "gxf/std/epoch_scheduler.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

void bind_epoch_scheduler(py::module_& m) {
  m.def("epoch_scheduler_run_epoch",
        [](uint64_t context, int64_t cid, double budget_ms) {
          auto* scheduler = dynamic_cast<EpochScheduler*>(component_from_cid(context, cid));
          if (!scheduler) {
            throw_code(GXF_ENTITY_COMPONENT_NOT_FOUND, "component is not an EpochScheduler");
          }
          gxf_result_t code;
          {
            py::gil_scoped_release release;  // Python codelets take it per call
            code = scheduler->run_epoch(budget_ms);
          }
          if (code != GXF_SUCCESS) throw_code(code, "the epoch failed");
        },
        "Run one epoch of an EpochScheduler on this thread (budget_ms <= 0: one pass).");
}

}  // namespace gxf
}  // namespace nvidia
