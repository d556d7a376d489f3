// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include "gxf/std/bindings/message_entity.hpp"
#include "gxf/std/scheduling_terms.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

template <typename Term>
py::class_<Term, SchedulingTerm, std::unique_ptr<Term, py::nodelete>> bind_term(
    py::module_& m, const char* name, const char* doc) {
  return py::class_<Term, SchedulingTerm, std::unique_ptr<Term, py::nodelete>>(m, name, doc)
      .def_static("get",
                  [name](uint64_t context, int64_t cid, const std::string& component) {
                    return lookup_component<Term>(context, cid, component, name);
                  },
                  py::return_value_policy::reference, py::arg("context"), py::arg("cid"),
                  py::arg("name"), "The term named `name` next to component `cid`.");
}

SchedulingConditionType check_now(SchedulingTerm& term, int64_t now) {
  SchedulingCondition condition;
  throw_code(term.check(now, &condition));
  return condition.type;
}

}  // namespace

void bind_scheduling_terms(py::module_& m) {
  py::enum_<SchedulingConditionType>(m, "SchedulingConditionType")
      .value("NEVER", SchedulingConditionType::kNever)
      .value("READY", SchedulingConditionType::kReady)
      .value("WAIT", SchedulingConditionType::kWait)
      .value("WAIT_TIME", SchedulingConditionType::kWaitTime)
      .value("WAIT_EVENT", SchedulingConditionType::kWaitEvent);
  py::class_<SchedulingTerm, std::unique_ptr<SchedulingTerm, py::nodelete>>(
      m, "SchedulingTerm", "Decides when its entity may tick.");

  bind_term<BooleanSchedulingTerm>(m, "BooleanSchedulingTerm", "Ticks while enabled.")
      .def("make_enable_tick", [](BooleanSchedulingTerm& self) { throw_code(self.enable_tick()); },
           "Allow the entity to tick.")
      .def("make_disable_tick", [](BooleanSchedulingTerm& self) { throw_code(self.disable_tick()); },
           "Stop the entity from ticking (it is stopped at the next check).")
      .def("enable_tick", [](BooleanSchedulingTerm& self) { throw_code(self.enable_tick()); },
           "Allow the entity to tick.")
      .def("disable_tick", [](BooleanSchedulingTerm& self) { throw_code(self.disable_tick()); },
           "Stop the entity from ticking.")
      .def("check_tick_enable", &BooleanSchedulingTerm::check_tick_enabled,
           "Whether ticking is enabled.");

  bind_term<CountSchedulingTerm>(m, "CountSchedulingTerm", "Ticks a fixed number of times.")
      .def("check", [](CountSchedulingTerm& self) { return check_now(self, 0); },
           "Current condition: READY while ticks remain, then NEVER.")
      .def("remaining", &CountSchedulingTerm::remaining, "Ticks left.");

  bind_term<PeriodicSchedulingTerm>(m, "PeriodicSchedulingTerm", "Ticks once per period.")
      .def("check", [](PeriodicSchedulingTerm& self, int64_t now) { return check_now(self, now); },
           py::arg("timestamp"), "Condition at time `timestamp`.")
      .def("recess_period_ns", &PeriodicSchedulingTerm::recess_period_ns, "Period in nanoseconds.")
      .def("last_run_timestamp",
           [](PeriodicSchedulingTerm& self) {
             int64_t timestamp = 0;
             if (!self.last_run_timestamp(&timestamp)) {
               throw_code(GXF_UNINITIALIZED_VALUE, "the entity has not ticked yet");
             }
             return timestamp;
           },
           "Time of the last tick's target.");

  bind_term<TargetTimeSchedulingTerm>(m, "TargetTimeSchedulingTerm", "Ticks at requested times.")
      .def("check", [](TargetTimeSchedulingTerm& self, int64_t now) { return check_now(self, now); },
           py::arg("timestamp"), "Condition at time `timestamp`.")
      .def("set_next_target_time",
           [](TargetTimeSchedulingTerm& self, int64_t target) {
             if (self.set_next_target_time(target) != GXF_SUCCESS) {
               throw py::value_error("GXF_ARGUMENT_INVALID: target time " + std::to_string(target) +
                                     " is earlier than the current target");
             }
           },
           py::arg("target"), "Ask for a tick at `target` (ns on the term's clock).");
}

}  // namespace gxf
}  // namespace nvidia
