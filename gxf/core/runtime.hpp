// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gxf/core/expected.hpp"

namespace nvidia {
namespace gxf {

// Event kinds a scheduler may be notified of (GxfEntityNotifyEventType).
enum class EventType : int {
  kCustom = 0,
  kExternal = 1,
  kMemoryFree = 2,
  kMessageSync = 3,
  kTimeUpdate = 4,
  kStateUpdate = 5,
};

// A codelet call in progress, for reports on a graph that does not stop: which component,
// which call (start, tick, stop) and the thread making it (pthread_self(), the number Python
// uses for thread idents, so a Python codelet's stack can be found).
struct RunningCall {
  std::string entity;
  std::string component;
  std::string type;
  std::string source;  // "graph.yaml:12" when loaded from a file
  gxf_uid_t cid = kNullUid;
  const char* phase = "";
  uint64_t thread_id = 0;
};

// The graph state machine a context drives. The core knows only this interface; the standard
// extension provides the implementation (program, executor, router) when it is loaded.
class Runtime {
 public:
  virtual ~Runtime() = default;
  virtual Result activate() = 0;
  virtual Result run_async() = 0;
  virtual Result wait() = 0;
  virtual Result interrupt() = 0;
  virtual Result deactivate() = 0;
  virtual Result notify(gxf_uid_t eid, EventType event) = 0;
  // Entity status as GXF numbers it (0 NOT_STARTED .. 6 STOP_PENDING).
  virtual int entity_status(gxf_uid_t eid) const = 0;
  // Codelet calls in progress now; safe from any thread at any time (takes no lock a stuck
  // call could hold).
  virtual std::vector<RunningCall> running_calls() const { return {}; }
  // Called before the context frees its entities: stop threads, drop references.
  virtual void destroy() = 0;
};

}  // namespace gxf
}  // namespace nvidia
