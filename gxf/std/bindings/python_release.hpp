// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <functional>
#include <memory>

namespace nvidia {
namespace gxf {

// Runs `release` (code that touches Python objects) safely from any thread: at once when the
// calling thread holds the GIL, otherwise queued for the next codelet call into Python or, when
// none comes soon, a helper thread that takes the GIL. A scheduler
// thread that drops the last reference to a message may hold an engine lock that a Python
// thread (holding the GIL) waits for; taking the GIL there would deadlock, so it hands the
// work over instead. After interpreter shutdown has begun, the work is dropped (leaked).
void release_with_gil(std::function<void()> release);

// An owner for memory that belongs to a Python object (a NumPy or CuPy array): holds a
// reference to `object` and drops it through release_with_gil.
std::shared_ptr<void> hold_python_object(pybind11::object object);

// Releases queued by threads without the GIL since the process started, and who ran them.
struct PythonReleaseCounts {
  uint64_t queued = 0;
  uint64_t by_codelet_calls = 0;  // run by a codelet call already holding the GIL
  uint64_t by_helper = 0;         // run by the helper thread, which took the GIL for them
};
PythonReleaseCounts python_release_counts();

// Lets codelet calls run the queued releases (gxf/core/deferred_releases.hpp); at import.
void install_python_releaser();

// Drains pending releases and stops the helper thread; registered with Python's atexit.
void stop_python_releaser();

}  // namespace gxf
}  // namespace nvidia
