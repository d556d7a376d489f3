// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/std/queue.hpp"

namespace nvidia {
namespace gxf {

class Transmitter;

// Inbox of an entity. The router push()es into the back stage (any thread); sync() at the
// start of the owner's tick makes those messages receivable.
class Receiver : public Queue {
 public:
  // Next message of the main stage; an empty reference when there is none.
  virtual EntityRef receive() = 0;
  virtual gxf_result_t push(const EntityRef& message) = 0;
  virtual EntityRef peek(size_t index = 0) const = 0;
  virtual EntityRef peek_back(size_t index = 0) const = 0;

  // Transmitters routed to this receiver (set at activation).
  const std::vector<Transmitter*>& sources() const { return sources_; }
  void add_source(Transmitter* transmitter) { sources_.push_back(transmitter); }
  void clear_routes() { sources_.clear(); }

 private:
  std::vector<Transmitter*> sources_;
};

}  // namespace gxf
}  // namespace nvidia
