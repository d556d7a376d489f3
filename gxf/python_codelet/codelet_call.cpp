// SPDX-License-Identifier: Apache-2.0
#include "gxf/python_codelet/codelet_call.hpp"

#include <mutex>

#include "gxf/python_codelet/py_codelet.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

// One lock for the process: defined here, in libgxf_python_codelet.so, which every library
// running codelets in Python links.
std::recursive_mutex& codelet_call_mutex() {
  static std::recursive_mutex instance;
  return instance;
}

// How many holds of the lock this thread has (leave_codelet_call_lock gives them all back).
int& codelet_call_depth() {
  thread_local int holds = 0;
  return holds;
}

}  // namespace

CodeletCallLock::~CodeletCallLock() {
  --codelet_call_depth();
  codelet_call_mutex().unlock();
}

void CodeletCallLock::lock_with_gil_released(int count) {
  if (count <= 0) return;
  std::recursive_mutex& mutex = codelet_call_mutex();
  if (mutex.try_lock()) {
    for (int i = 1; i < count; ++i) mutex.lock();  // recursive: ours already
  } else if (PyGILState_Check()) {
    py::gil_scoped_release release;
    for (int i = 0; i < count; ++i) mutex.lock();
  } else {
    for (int i = 0; i < count; ++i) mutex.lock();
  }
  codelet_call_depth() += count;
}

int CodeletCallLock::unlock_all() {
  int count = codelet_call_depth();
  codelet_call_depth() = 0;
  for (int i = 0; i < count; ++i) codelet_call_mutex().unlock();
  return count;
}

int leave_codelet_call_lock() { return CodeletCallLock::unlock_all(); }

void reenter_codelet_call_lock(int holds) { CodeletCallLock::lock_with_gil_released(holds); }

}  // namespace gxf
}  // namespace nvidia
