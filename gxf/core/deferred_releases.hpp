// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace nvidia {
namespace gxf {

// Where Python releases handed over by threads without the GIL meet the threads that hold it.
// gxf/std/bindings/python_release.cpp queues the releases (the last reference to a NumPy frame
// dropped by a C++ consumer, say) and registers how to run them; every codelet call into
// Python runs what is queued once it holds the GIL (CodeletCall), so that a pipeline with
// Python codelets needs no other thread to take the GIL for them. In the core because the
// queue's module and the libraries making codelet calls are separate shared objects, and this
// one is loaded once in the process.
using DeferredReleaseDrain = void (*)();

// Registers the function running the queued releases (with the GIL held); nullptr unsets it.
void set_deferred_release_drain(DeferredReleaseDrain drain);

// Runs the queued releases, if any; the caller holds the GIL.
void run_deferred_releases();

}  // namespace gxf
}  // namespace nvidia
