// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

namespace py = pybind11;

namespace nvidia {
namespace gxf {
void bind_errors(py::module_& m);
void bind_context(py::module_& m);
void bind_entity_groups(py::module_& m);
void bind_message_entity(py::module_& m);
void bind_queues(py::module_& m);
void bind_clocks(py::module_& m);
void bind_scheduling_terms(py::module_& m);
void bind_timestamp(py::module_& m);
void bind_python_codelet(py::module_& m);
void bind_tensor(py::module_& m);
void bind_vault(py::module_& m);
void bind_epoch_scheduler(py::module_& m);
void bind_allocator(py::module_& m);
void bind_cuda(py::module_& m);
}  // namespace gxf
}  // namespace nvidia

PYBIND11_MODULE(_core, m) {
  m.doc() = "C++ core of the GXF-compatible engine";
  using namespace nvidia::gxf;
  bind_errors(m);
  bind_context(m);
  bind_entity_groups(m);
  bind_message_entity(m);
  bind_queues(m);
  bind_clocks(m);
  bind_scheduling_terms(m);
  bind_timestamp(m);
  bind_python_codelet(m);
  bind_allocator(m);
  bind_tensor(m);
  bind_vault(m);
  bind_epoch_scheduler(m);
  bind_cuda(m);
}
