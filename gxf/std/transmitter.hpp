// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/std/queue.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {

// Outbox of an entity. publish() puts a message in the back stage; when the owner's tick
// ends the router syncs the outbox and delivers every message to each connected receiver.
class Transmitter : public Queue {
 public:
  virtual gxf_result_t publish(const EntityRef& message) = 0;
  // Router side: next message of the main stage after sync().
  virtual bool pop(EntityRef* message) = 0;

  // Adds or overwrites the message's Timestamp "timestamp" (acqtime, pubtime 0), then publishes.
  gxf_result_t publish(const EntityRef& message, int64_t acq_timestamp);

  // Messages a tick may still publish here with none refused or dropped: the room left in
  // this outbox and in every receiver it feeds (what DownstreamReceptiveSchedulingTerm
  // checks). A codelet that takes several inputs per tick and publishes one output for each
  // takes no more than this. A hint under parallel schedulers: another transmitter feeding
  // the same receiver may fill it meanwhile.
  size_t room() const;

  const std::vector<Receiver*>& targets() const { return targets_; }
  void add_target(Receiver* receiver) {
    targets_.push_back(receiver);
    routes_cleared_ = false;
  }
  void clear_routes() {
    targets_.clear();
    routes_cleared_ = true;
  }
  // True after clear_routes() (the graph was deactivated): no targets, but not because the
  // transmitter was never connected (what a term checked after the run must not report).
  bool routes_cleared() const { return routes_cleared_; }

 private:
  std::vector<Receiver*> targets_;
  bool routes_cleared_ = false;
};

}  // namespace gxf
}  // namespace nvidia
