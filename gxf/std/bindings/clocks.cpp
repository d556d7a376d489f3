// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include "gxf/core/bindings/message_entity.hpp"
#include "gxf/std/clocks.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

void bind_clocks(py::module_& m) {
  py::class_<Clock, std::unique_ptr<Clock, py::nodelete>>(m, "Clock", "A time source.")
      .def_static("get",
                  [](uint64_t context, int64_t cid, const std::string& name) {
                    return lookup_component<Clock>(context, cid, name, "clock");
                  },
                  py::return_value_policy::reference, py::arg("context"), py::arg("cid"),
                  py::arg("name"), "The clock named `name` next to component `cid`.")
      .def("time", &Clock::time, "Current time in seconds.")
      .def("timestamp", &Clock::timestamp, "Current time in nanoseconds.");
  py::class_<RealtimeClock, Clock, std::unique_ptr<RealtimeClock, py::nodelete>>(
      m, "RealtimeClock", "Wall-clock time.")
      .def("set_time_scale", [](RealtimeClock& self, double scale) {
        throw_code(self.set_time_scale(scale), "time scale must be > 0");
      }, "Change how fast time passes.");
  py::class_<ManualClock, Clock, std::unique_ptr<ManualClock, py::nodelete>>(
      m, "ManualClock", "Time that moves only when the scheduler sleeps.");
}

}  // namespace gxf
}  // namespace nvidia
