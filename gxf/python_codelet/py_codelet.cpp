// SPDX-License-Identifier: Apache-2.0
#include "gxf/python_codelet/py_codelet.hpp"

#include <mutex>

#include "gxf/core/bindings/python_failure.hpp"
#include "gxf/core/entity.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

// Scheduler threads are not Python threads: keep one thread state per thread alive for the
// thread's lifetime instead of creating and destroying one on every call.
struct ThreadGil {
  ThreadGil() : acquire() {
    thread_local bool kept = false;
    if (!kept) {
      acquire.inc_ref();
      kept = true;
    }
  }
  py::gil_scoped_acquire acquire;
};

// Python codelet calls of one process run one at a time. The GIL alone is not enough: the
// interpreter hands it to another thread between bytecodes, so two ticks could interleave.
// Lock order is always this lock, then the GIL; a thread holding the GIL lets it go while it
// waits here, so a worker holding the lock can still get the GIL. Recursive: a codelet call
// that leads to another one on the same thread must not deadlock. A call may step out of the
// lock while it waits on something outside (leave_codelet_call_lock).
class CodeletCallLock {
 public:
  CodeletCallLock() { lock_with_gil_released(1); }
  ~CodeletCallLock() {
    --depth();
    mutex().unlock();
  }
  CodeletCallLock(const CodeletCallLock&) = delete;
  CodeletCallLock& operator=(const CodeletCallLock&) = delete;

  // Takes the lock `count` times, never waiting for it while holding the GIL (an uncontended
  // lock is taken without letting the GIL go: no thread switch per call).
  static void lock_with_gil_released(int count) {
    if (count <= 0) return;
    if (mutex().try_lock()) {
      for (int i = 1; i < count; ++i) mutex().lock();  // recursive: ours already
    } else if (PyGILState_Check()) {
      py::gil_scoped_release release;
      for (int i = 0; i < count; ++i) mutex().lock();
    } else {
      for (int i = 0; i < count; ++i) mutex().lock();
    }
    depth() += count;
  }
  // Lets go of every hold this thread has; returns how many to take back.
  static int unlock_all() {
    int count = depth();
    depth() = 0;
    for (int i = 0; i < count; ++i) mutex().unlock();
    return count;
  }

 private:
  static std::recursive_mutex& mutex() {
    static std::recursive_mutex instance;
    return instance;
  }
  static int& depth() {
    thread_local int holds = 0;
    return holds;
  }
};

// The call lock, then the GIL, for the duration of one codelet call.
struct CodeletCall {
  CodeletCallLock lock;
  ThreadGil gil;
};

}  // namespace

int leave_codelet_call_lock() { return CodeletCallLock::unlock_all(); }

void reenter_codelet_call_lock(int holds) { CodeletCallLock::lock_with_gil_released(holds); }

PyCodeletV0::~PyCodeletV0() {
  if (instance_ && Py_IsInitialized()) {
    ThreadGil gil;
    instance_ = py::object();
  } else {
    instance_.release();  // interpreter gone: leak rather than touch Python
  }
}

gxf_result_t PyCodeletV0::register_interface(Registrar* registrar) {
  registrar->parameter(codelet_name_, "codelet_name", "Codelet name",
                       "Name of the CodeletAdapter subclass in codelet_file");
  registrar->parameter(codelet_file_, "codelet_file", "Codelet file",
                       "Python file defining the class ('None' or '': look in __main__)");
  registrar->parameter(codelet_params_, "codelet_params", "Codelet parameters",
                       "YAML mapping handed to the codelet by get_params()",
                       kParameterFlagsOptional);
  return GXF_SUCCESS;
}

gxf_result_t PyCodeletV0::start() {
  CodeletCall call;
  py::module_ loader = py::module_::import("gxf.python_codelet.loader");
  py::object codelet_class;
  try {
    codelet_class = loader.attr("load_codelet_class")(std::string(codelet_file_.get()),
                                                      codelet_name_.get());
  } catch (py::error_already_set& error) {
    // A file or class the graph names but that is not there is the graph's mistake: its reason,
    // without a traceback. An exception raised by the codelet file itself keeps its traceback.
    if (error.matches(loader.attr("CodeletLoadError"))) {
      return fail(GXF_FAILURE, "%s", py::str(error.value()).cast<std::string>().c_str());
    }
    store_python_failure(context(), error, describe() + " in start()");
    return GXF_FAILURE;
  }
  try {
    instance_ = codelet_class();
    py::object bridge = py::module_::import("gxf.python_codelet._python_codelet")
                            .attr("PyCodeletBridge")(reinterpret_cast<uintptr_t>(this));
    instance_.attr("set_bridge")(bridge);
    instance_.attr("start")();
  } catch (py::error_already_set& error) {
    store_python_failure(context(), error, describe() + " in start()");
    instance_ = py::object();
    return GXF_FAILURE;
  }
  return GXF_SUCCESS;
}

gxf_result_t PyCodeletV0::call(const char* method, GilStats* stats) {
  int64_t requested_ns = stats ? metrics_now_ns() : 0;
  CodeletCall call;
  int64_t acquired_ns = stats ? metrics_now_ns() : 0;
  if (!instance_) return std::string(method) == "stop" ? GXF_SUCCESS : GXF_CONTRACT_INVALID_SEQUENCE;
  gxf_result_t code = GXF_SUCCESS;
  try {
    instance_.attr(method)();
  } catch (py::error_already_set& error) {
    store_python_failure(context(), error, describe() + " in " + method + "()");
    code = GXF_FAILURE;
  }
  // The wait covers the process-wide codelet call lock too: both are the price of running
  // Python from this worker.
  if (stats) stats->record(acquired_ns - requested_ns, metrics_now_ns() - acquired_ns);
  return code;
}

gxf_result_t PyCodeletV0::tick() {
  GilStats* stats = gil_stats_.load(std::memory_order_acquire);
  return call("tick", stats && stats->should_time() ? stats : nullptr);
}

gxf_result_t PyCodeletV0::stop() {
  gxf_result_t code = call("stop");
  CodeletCall release_call;
  instance_ = py::object();
  return code;
}

}  // namespace gxf
}  // namespace nvidia
