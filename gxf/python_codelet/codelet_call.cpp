// SPDX-License-Identifier: Apache-2.0
#include "gxf/python_codelet/codelet_call.hpp"

#include "gxf/core/codelet_call_gate.hpp"
#include "gxf/python_codelet/py_codelet.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

CodeletCallLock::~CodeletCallLock() { CodeletCallGate::leave(); }

void CodeletCallLock::lock_with_gil_released(int count) {
  if (count <= 0) return;
  if (!CodeletCallGate::try_enter()) {
    if (PyGILState_Check()) {
      py::gil_scoped_release release;
      CodeletCallGate::enter();
    } else {
      CodeletCallGate::enter();
    }
  }
  if (count > 1) CodeletCallGate::enter_times(count - 1);  // ours already: recursive, no wait
}

int CodeletCallLock::unlock_all() { return CodeletCallGate::leave_all(); }

int leave_codelet_call_lock() { return CodeletCallLock::unlock_all(); }

void reenter_codelet_call_lock(int holds) { CodeletCallLock::lock_with_gil_released(holds); }

}  // namespace gxf
}  // namespace nvidia
