// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include "gxf/std/asynchronous_scheduling_term.hpp"
#include "gxf/core/bindings/message_entity.hpp"
#include "gxf/std/bt_scheduling_term.hpp"
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

  py::enum_<AsynchronousEventState>(m, "AsynchronousEventState")
      .value("READY", AsynchronousEventState::kReady)
      .value("WAIT", AsynchronousEventState::kWait)
      .value("EVENT_WAITING", AsynchronousEventState::kEventWaiting)
      .value("EVENT_DONE", AsynchronousEventState::kEventDone)
      .value("EVENT_NEVER", AsynchronousEventState::kEventNever);

  // set_event_state may wake a scheduler; it never blocks on one, so the GIL can stay held.
  bind_term<AsynchronousSchedulingTerm>(m, "AsynchronousSchedulingTerm",
                                        "Ticks when an asynchronous event source says so.")
      .def("set_event_state", &AsynchronousSchedulingTerm::set_event_state, py::arg("state"),
           "Report the event source's state; EVENT_DONE wakes the entity.")
      .def("get_event_state", &AsynchronousSchedulingTerm::event_state,
           "The state last reported.")
      .def("check", [](AsynchronousSchedulingTerm& self) { return check_now(self, 0); },
           "Current condition derived from the event state.");

  bind_term<BTSchedulingTerm>(m, "BTSchedulingTerm", "Behaviour-tree gating of an entity.")
      .def("check", [](BTSchedulingTerm& self) { return check_now(self, 0); },
           "Current condition: READY, NEVER or WAIT.")
      .def("set_condition",
           [](BTSchedulingTerm& self, SchedulingConditionType type) {
             throw_code(self.set_condition(type));
           },
           py::arg("type"), "Set the condition the parent decided (READY, NEVER, ...).");
}

}  // namespace gxf
}  // namespace nvidia
