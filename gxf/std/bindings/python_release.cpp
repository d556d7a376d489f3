// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/bindings/python_release.hpp"

#include "gxf/core/deferred_releases.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#ifdef __linux__
#include <pthread.h>
#endif
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

// How long releases may wait for a codelet call to run them (gxf/core/deferred_releases.hpp)
// before the helper takes the GIL for them itself. A pipeline that hands one over per message
// (a C++ consumer dropping tensors a Python producer made) had the helper take the GIL from the
// codelets' thread for every message: 14,000 wakes and GIL switches a second in
// tools/bench/infer.py's batched graph. Gathering for 1 ms still woke it ~650 times a second,
// each wake preempting one of ONNX Runtime's threads on a machine its pool fills (the runtime's
// parallel sections wait for their slowest thread). Now the codelet calls run them and the
// helper, while they do, wakes once per period and takes nothing. An object is released at most
// about two periods late when no codelet call comes (the graph has ended, or no codelet runs
// Python).
constexpr std::chrono::milliseconds kPeriod{10};

// Releases handed over by threads without the GIL: run by the next codelet call (drain()), or
// by one helper thread in batches where no codelet call comes for a period.
class Releaser {
 public:
  void submit(std::function<void()> release) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopped_) return;  // interpreter going away: leak rather than touch Python
    pending_.push_back(std::move(release));
    ++counts_.queued;
    queued_.store(true, std::memory_order_relaxed);
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    // Only an idle helper needs waking; one in its period looks again when the period ends.
    if (helper_idle_) wake_.notify_one();
  }

  // With the GIL held (a codelet call): runs what is queued.
  void drain() {
    if (!queued_.load(std::memory_order_relaxed)) return;
    std::vector<std::function<void()>> batch;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopped_) return;
      take_pending(batch);
      ++drains_;
      counts_.by_codelet_calls += batch.size();
    }
    for (auto& release : batch) release();
    batch.clear();
    std::lock_guard<std::mutex> lock(mutex_);
    spare_.swap(batch);
  }

  PythonReleaseCounts counts() {
    std::lock_guard<std::mutex> lock(mutex_);
    return counts_;
  }

  // Called with the GIL held (atexit): runs what is pending, then ends the helper thread.
  void stop() {
    std::vector<std::function<void()>> pending;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopped_ = true;
      pending.swap(pending_);
      queued_.store(false, std::memory_order_relaxed);
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
#ifdef __linux__
    pthread_setname_np(pthread_self(), "gxf-py-release");  // for top -H and perf
#endif
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      helper_idle_ = true;
      wake_.wait(lock, [this] { return stopped_ || !pending_.empty(); });
      helper_idle_ = false;
      // Period after period while releases come, without being woken for them.
      while (true) {
        const uint64_t drains = drains_;
        if (wake_.wait_for(lock, kPeriod, [this] { return stopped_; })) return;
        if (drains_ != drains) continue;  // codelet calls run them: leave the rest to them too
        if (pending_.empty()) break;      // a quiet period: wait to be woken
        std::vector<std::function<void()>> batch;
        take_pending(batch);
        counts_.by_helper += batch.size();
        lock.unlock();
        if (Py_IsInitialized() && !interpreter_finalizing()) {
          py::gil_scoped_acquire gil;
          for (auto& release : batch) release();
          batch.clear();
        }
        lock.lock();
        if (batch.empty()) spare_.swap(batch);
      }
    }
  }

  // Moves the queue into `batch` (empty) and gives the queue the spare's capacity (mutex
  // held): queue and batch trade buffers, so steady state allocates nothing per release.
  void take_pending(std::vector<std::function<void()>>& batch) {
    batch.swap(spare_);
    batch.swap(pending_);
    queued_.store(false, std::memory_order_relaxed);
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::function<void()>> pending_;
  std::vector<std::function<void()>> spare_;  // empty; its capacity goes to the next queue
  std::atomic<bool> queued_{false};  // pending_ is not empty (read without the mutex)
  uint64_t drains_ = 0;              // drain() calls that took something
  bool helper_idle_ = false;         // the helper waits without a deadline
  PythonReleaseCounts counts_;
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

PythonReleaseCounts python_release_counts() { return releaser().counts(); }

void stop_python_releaser() {
  set_deferred_release_drain(nullptr);
  releaser().stop();
}

void install_python_releaser() {
  set_deferred_release_drain([] { releaser().drain(); });
}

}  // namespace gxf
}  // namespace nvidia
