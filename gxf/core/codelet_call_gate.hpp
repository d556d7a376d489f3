// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace nvidia {
namespace gxf {

// The process-wide gate that Python codelet calls pass one at a time (the Python codelet
// extension's CodeletCallLock is built on it). It is in the core so that a parallel scheduler
// can take it without blocking before it runs an entity whose codelets run Python: a worker
// that finds the gate taken leaves the entity for the gate's holder and runs other work,
// instead of sleeping on the lock (a futex wake-up and a thread switch per Python tick, which
// made N workers slower than one).
//
// Recursive per thread; enter() blocks, try_enter() never does and never fails spuriously
// (a scheduler relies on that: a failed try means another thread held the gate). All
// operations are sequentially consistent: a thread that queues work and then fails try_enter
// is seen by the holder's look after leave() (see ParallelScheduler::run_python).
class CodeletCallGate {
 public:
  static bool try_enter();
  static void enter();
  static void leave();
  // Leaves every hold of this thread; returns how many enter_times() takes back.
  static int leave_all();
  static void enter_times(int holds);
  // Holds of the calling thread (0: it does not hold the gate).
  static int holds();
  // True while a thread waits in enter(): a scheduler then lets it have the gate instead of
  // taking it again at once.
  static bool contended();
  // True when no thread holds it (a plain load: workers look before they try, so that their
  // failed tries do not take the holder's cache line away from it).
  static bool free();
};

}  // namespace gxf
}  // namespace nvidia
