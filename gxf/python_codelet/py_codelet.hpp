// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <string>

#include "gxf/std/codelet.hpp"
#include "gxf/std/execution_metrics.hpp"

namespace nvidia {
namespace gxf {

// Runs a Python class (a CodeletAdapter subclass) as a codelet. The class is loaded from
// codelet_file under a module name unique to the file, instantiated with no arguments, given a
// bridge to this component, then start/tick/stop are forwarded. The GIL is taken per call
// only. A Python exception is kept for graph_wait and the call returns GXF_FAILURE.
class PyCodeletV0 : public Codelet, public GilTimedCodelet {
 public:
  ~PyCodeletV0() override;
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;
  gxf_result_t stop() override;
  bool runs_python() const override { return true; }

  const std::string& codelet_params() const { return codelet_params_.get(); }
  bool has_codelet_params() const { return codelet_params_.is_set(); }
  // Each tick records how long it waited for the interpreter and then held it.
  void set_gil_stats(GilStats* stats) override {
    gil_stats_.store(stats, std::memory_order_release);
  }

 private:
  gxf_result_t call(const char* method, GilStats* stats = nullptr);

  Parameter<std::string> codelet_name_;
  Parameter<FilePath> codelet_file_;
  Parameter<std::string> codelet_params_;
  pybind11::object instance_;
  std::atomic<GilStats*> gil_stats_{nullptr};
};

// Steps this thread out of the process-wide Python codelet call lock, so other Python
// codelets run while this one waits for something outside (a BufferProvider blocking on a
// camera, an event, a queue); returns the holds reenter_codelet_call_lock takes back. Python
// code run meanwhile may interleave with other codelets', as any Python thread does.
int leave_codelet_call_lock();
// Takes back `holds` holds of the lock, never waiting for it while holding the GIL.
void reenter_codelet_call_lock(int holds);

// Out of the call lock for a scope, back in at its end (also when it ends by an exception;
// lock order is lock, then GIL).
class OutsideCodeletCallLock {
 public:
  OutsideCodeletCallLock() : holds_(leave_codelet_call_lock()) {}
  ~OutsideCodeletCallLock() { reenter_codelet_call_lock(holds_); }
  OutsideCodeletCallLock(const OutsideCodeletCallLock&) = delete;
  OutsideCodeletCallLock& operator=(const OutsideCodeletCallLock&) = delete;

 private:
  int holds_;
};

}  // namespace gxf
}  // namespace nvidia
