// SPDX-License-Identifier: Apache-2.0
// What the stall explainer reads after a run: each term's and combiner's condition and each
// codelet's execution count, through the components' own interfaces (never a scheduler's
// internals), so it holds for every scheduler.
#include <pybind11/pybind11.h>

#include "gxf/core/bindings/context_handle.hpp"
#include "gxf/core/bindings/errors.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/scheduling_term.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

template <typename T>
T* component_as(uint64_t context, int64_t cid, const char* what) {
  T* component = dynamic_cast<T*>(component_from_cid(context, cid));
  if (!component) throw_code(GXF_ARGUMENT_INVALID, std::string("component is not a ") + what);
  return component;
}

py::tuple condition_tuple(gxf_result_t code, const SchedulingCondition& condition) {
  throw_code(code);
  return py::make_tuple(static_cast<int>(condition.type), condition.target_timestamp);
}

}  // namespace

void bind_stall_state(py::module_& m) {
  m.def("scheduling_term_condition",
        [](uint64_t context, int64_t cid, int64_t now) {
          SchedulingCondition condition;
          auto* term = component_as<SchedulingTerm>(context, cid, "scheduling term");
          return condition_tuple(term->check(now, &condition), condition);
        },
        py::arg("context"), py::arg("cid"), py::arg("now"),
        "(condition type, target timestamp) a term reports at `now`; no side effects.");
  m.def("scheduling_term_combiner_condition",
        [](uint64_t context, int64_t cid, int64_t now) {
          SchedulingCondition condition;
          auto* combiner = component_as<SchedulingTermCombiner>(context, cid, "term combiner");
          return condition_tuple(combiner->check(now, &condition), condition);
        },
        py::arg("context"), py::arg("cid"), py::arg("now"),
        "(condition type, target timestamp) a combiner reports at `now`.");
  m.def("codelet_execution",
        [](uint64_t context, int64_t cid) {
          auto* codelet = component_as<Codelet>(context, cid, "codelet");
          return py::make_tuple(codelet->execution_count(), codelet->execution_timestamp());
        },
        py::arg("context"), py::arg("cid"),
        "(ticks, timestamp of the last start or tick) of a codelet; (0, 0) if it never started.");
}

}  // namespace gxf
}  // namespace nvidia
