// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Aligns several streams by acquisition time: when every input holds a message within
// sync_threshold of the newest front message, one message per input goes to the matching
// output; older messages are dropped.
class Synchronization : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

 private:
  // Acquisition times of every queued message of every input, oldest first.
  gxf_result_t read_acquisition_times(std::vector<std::vector<int64_t>>* times) const;
  bool all_inputs_in_window(const std::vector<std::vector<int64_t>>& times, int64_t latest) const;

  Parameter<std::vector<Handle<Receiver>>> inputs_;
  Parameter<std::vector<Handle<Transmitter>>> outputs_;
  Parameter<int64_t> sync_threshold_;
};

}  // namespace gxf
}  // namespace nvidia
