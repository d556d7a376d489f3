// SPDX-License-Identifier: Apache-2.0
#include "gxf/python_codelet/codelet_call.hpp"

#include <mutex>

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

}  // namespace

CodeletCallLock::CodeletCallLock() {
  if (PyGILState_Check()) {
    py::gil_scoped_release release;
    codelet_call_mutex().lock();
  } else {
    codelet_call_mutex().lock();
  }
}

CodeletCallLock::~CodeletCallLock() { codelet_call_mutex().unlock(); }

}  // namespace gxf
}  // namespace nvidia
