// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Sends each received message to every transmitter of its entity (Broadcast) or to the next
// one in turn (RoundRobin). Fan-out shares the message entity; nothing is copied.
class Broadcast : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> source_;
  Parameter<std::string> mode_;
  bool round_robin_ = false;
  std::vector<Transmitter*> transmitters_;
  size_t next_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
