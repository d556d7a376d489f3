// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "gxf/core/bindings/python_failure.hpp"
#include "gxf/core/component.hpp"
#include "gxf/core/deferred_releases.hpp"

namespace nvidia {
namespace gxf {

// Python calls of one process's codelets (PyCodeletV0 and every codelet whose work is done by a
// Python module) run one at a time. The GIL alone is not enough: the interpreter hands it to
// another thread between bytecodes, so two ticks could interleave. Lock order is always this
// lock, then the GIL; a thread holding the GIL lets it go while it waits here, so a worker
// holding the lock can still get the GIL. Recursive: a codelet call that leads to another one
// on the same thread must not deadlock. A call may step out of the lock while it waits on
// something outside (leave_codelet_call_lock in py_codelet.hpp). The lock is the core's
// CodeletCallGate, which parallel schedulers also take, without waiting, around the entities
// whose codelets say runs_python().
class CodeletCallLock {
 public:
  CodeletCallLock() { lock_with_gil_released(1); }
  ~CodeletCallLock();
  CodeletCallLock(const CodeletCallLock&) = delete;
  CodeletCallLock& operator=(const CodeletCallLock&) = delete;

  // Takes the lock `count` times, never waiting for it while holding the GIL (an uncontended
  // lock is taken without letting the GIL go: no thread switch per call).
  static void lock_with_gil_released(int count);
  // Lets go of every hold this thread has; returns how many to take back.
  static int unlock_all();
};

// The GIL for a scheduler thread. Scheduler threads are not Python threads: one thread state
// per thread is kept alive for the thread's lifetime instead of made and destroyed per call.
// Inline, as everything here naming pybind11 types: pybind11's namespace is hidden, so such
// functions cannot be exported from libgxf_python_codelet.so.
struct ThreadGil {
  ThreadGil() : acquire() {
    thread_local bool kept = false;
    if (!kept) {
      acquire.inc_ref();
      kept = true;
    }
  }
  pybind11::gil_scoped_acquire acquire;
};

// Drops a codelet's Python object from its destructor: under the GIL while the interpreter
// lives; once it is gone the reference is leaked instead (touching Python then would crash).
inline void release_python_object(pybind11::object& object) {
  if (object && Py_IsInitialized()) {
    ThreadGil gil;
    object = pybind11::object();
  } else {
    object.release();
  }
}

// The call lock, then the GIL, for the duration of one codelet call. Holding both, it first
// runs the Python releases other threads queued (deferred_releases.hpp): done here, between
// ticks of a thread that has the GIL anyway, they cost no thread a wake-up or a GIL switch.
struct CodeletCall {
  CodeletCall() { run_deferred_releases(); }
  CodeletCallLock lock;
  ThreadGil gil;
};

// Reports the Python exception being handled (GIL held) for `component`'s call `where`
// ("start()"): an instance of `user_error` is a mistake in the graph, so the component fails
// with its message and no traceback; any other exception is kept, traceback and all, for
// graph_wait. Returns GXF_FAILURE. The library calling it links gxf_pybind_support.
inline gxf_result_t report_python_error(const Component& component,
                                        pybind11::error_already_set& error,
                                        const pybind11::handle& user_error,
                                        const std::string& where) {
  if (user_error && error.matches(user_error)) {
    return component.fail(GXF_FAILURE, "%s",
                          pybind11::str(error.value()).cast<std::string>().c_str());
  }
  store_python_failure(component.context(), error, component.describe() + " in " + where);
  return GXF_FAILURE;
}

}  // namespace gxf
}  // namespace nvidia
