// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/bindings/python_release.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

bool interpreter_finalizing() {
#if PY_VERSION_HEX >= 0x030D0000
  return Py_IsFinalizing();
#else
  return _Py_IsFinalizing();
#endif
}

// How long the helper gathers releases before it takes the GIL. A pipeline that hands one
// over per message (a C++ consumer dropping tensors a Python producer made) had the helper
// take the GIL from the codelets' thread for every message: 14,000 wakes and GIL switches a
// second in tools/bench/infer.py's batched graph, each delaying the next Python tick and, on a
// small machine, preempting the runtime's threads (that graph: 2.0-2.5 s for 160,000 frames,
// 1.91-1.95 s gathering). Objects are released at most this much later.
constexpr std::chrono::microseconds kGather{1000};

// Releases handed over by threads without the GIL, run by one helper thread in batches.
class Releaser {
 public:
  void submit(std::function<void()> release) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopped_) return;  // interpreter going away: leak rather than touch Python
    pending_.push_back(std::move(release));
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    // The first of a batch wakes the helper; the rest find it gathering.
    if (pending_.size() == 1) wake_.notify_one();
  }

  // Called with the GIL held (atexit): runs what is pending, then ends the helper thread.
  void stop() {
    std::vector<std::function<void()>> pending;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopped_ = true;
      pending.swap(pending_);
      wake_.notify_one();
    }
    for (auto& release : pending) release();
    if (thread_.joinable()) {
      py::gil_scoped_release unlocked;  // the helper may be waiting for the GIL
      thread_.join();
    }
  }

 private:
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      wake_.wait(lock, [this] { return stopped_ || !pending_.empty(); });
      if (stopped_) return;
      if (wake_.wait_for(lock, kGather, [this] { return stopped_; })) return;
      std::vector<std::function<void()>> batch;
      batch.swap(pending_);
      lock.unlock();
      if (Py_IsInitialized() && !interpreter_finalizing()) {
        py::gil_scoped_acquire gil;
        for (auto& release : batch) release();
        batch.clear();
      }
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::function<void()>> pending_;
  std::thread thread_;
  bool stopped_ = false;
};

Releaser& releaser() {
  static Releaser* instance = new Releaser();  // never destroyed: used until process exit
  return *instance;
}

}  // namespace

void release_with_gil(std::function<void()> release) {
  if (!Py_IsInitialized() || interpreter_finalizing()) return;
  if (PyGILState_Check()) {
    release();
    return;
  }
  releaser().submit(std::move(release));
}

std::shared_ptr<void> hold_python_object(py::object object) {
  PyObject* raw = object.release().ptr();
  return std::shared_ptr<void>(raw, [](void* pointer) {
    release_with_gil([pointer] { Py_DECREF(static_cast<PyObject*>(pointer)); });
  });
}

void stop_python_releaser() { releaser().stop(); }

}  // namespace gxf
}  // namespace nvidia
