// SPDX-License-Identifier: Apache-2.0
// What the stall explainer reads after a run: each term's and combiner's condition and each
// codelet's execution count, through the components' own interfaces (never a scheduler's
// internals), so it holds for every scheduler.
#include <pybind11/pybind11.h>

#include "gxf/core/bindings/context_handle.hpp"
#include "gxf/core/bindings/errors.hpp"
#include "gxf/std/asynchronous_scheduling_term.hpp"
#include "gxf/std/bindings/executor_of.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/queue.hpp"
#include "gxf/std/scheduling_term.hpp"
#include "gxf/std/scheduling_terms.hpp"

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

// (condition type, target timestamp) a term or combiner reports at `now`.
template <typename T>
py::tuple condition_of(uint64_t context, int64_t cid, int64_t now, const char* what) {
  SchedulingCondition condition;
  throw_code(component_as<T>(context, cid, what)->check(now, &condition));
  return py::make_tuple(static_cast<int>(condition.type), condition.target_timestamp);
}

// The state a term keeps beyond its parameters, for the terms that keep any.
py::dict term_facts(SchedulingTerm* term) {
  py::dict facts;
  if (auto* count = dynamic_cast<CountSchedulingTerm*>(term)) {
    facts["remaining"] = count->remaining();
  } else if (auto* async = dynamic_cast<AsynchronousSchedulingTerm*>(term)) {
    facts["event_state"] = static_cast<int>(async->event_state());
  } else if (auto* boolean = dynamic_cast<BooleanSchedulingTerm*>(term)) {
    facts["enabled"] = boolean->check_tick_enabled();
  } else if (auto* periodic = dynamic_cast<PeriodicSchedulingTerm*>(term)) {
    facts["period_ns"] = periodic->recess_period_ns();
  }
  return facts;
}

}  // namespace

void bind_stall_state(py::module_& m) {
  m.def("scheduling_term_condition",
        [](uint64_t context, int64_t cid, int64_t now) {
          return condition_of<SchedulingTerm>(context, cid, now, "scheduling term");
        },
        py::arg("context"), py::arg("cid"), py::arg("now"),
        "(condition type, target timestamp) a term reports at `now`; no side effects.");
  m.def("scheduling_term_combiner_condition",
        [](uint64_t context, int64_t cid, int64_t now) {
          return condition_of<SchedulingTermCombiner>(context, cid, now, "term combiner");
        },
        py::arg("context"), py::arg("cid"), py::arg("now"),
        "(condition type, target timestamp) a combiner reports at `now`.");
  m.def("scheduling_term_facts",
        [](uint64_t context, int64_t cid) {
          return term_facts(component_as<SchedulingTerm>(context, cid, "scheduling term"));
        },
        py::arg("context"), py::arg("cid"),
        "Run state a term keeps: remaining (count), event_state (asynchronous), enabled "
        "(boolean), period_ns (periodic); {} for others.");
  m.def("queue_state",
        [](uint64_t context, int64_t cid) {
          auto* queue = component_as<Queue>(context, cid, "queue");
          return py::make_tuple(queue->size(), queue->back_size(), queue->capacity());
        },
        py::arg("context"), py::arg("cid"),
        "(main stage size, back stage size, capacity) of a receiver or transmitter.");
  m.def("codelet_execution",
        [](uint64_t context, int64_t cid) {
          auto* codelet = component_as<Codelet>(context, cid, "codelet");
          return py::make_tuple(codelet->execution_count(), codelet->execution_timestamp());
        },
        py::arg("context"), py::arg("cid"),
        "(ticks, timestamp of the last start or tick) of a codelet; (0, 0) if it never started.");
  m.def("entity_start_history",
        [](uint64_t context, int64_t eid) -> py::object {
          auto [history, known] = executor_of(context, "the stall explainer").start_history(eid);
          if (!known) return py::none();
          switch (history) {
            case EntityItem::StartHistory::kStarted: return py::str("started");
            case EntityItem::StartHistory::kFailed: return py::str("start failed");
            default: return py::str("never started");
          }
        },
        py::arg("context"), py::arg("eid"),
        "Whether an entity started since activation: 'never started', 'started' or 'start "
        "failed' (kept after a failed run cleared the executor); None for an entity the executor "
        "does not run (no codelet).");
}

}  // namespace gxf
}  // namespace nvidia
