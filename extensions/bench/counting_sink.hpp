// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {
namespace bench {

// The native twin of tools/bench/codelets/infer_codelets.py's CountingSink: takes every queued
// message each tick, checks it holds tensor `tensor`, counts `per_message` frames for it, notes
// the time it received the `warmup`-th frame and the last one, and at stop writes
// {"count": frames after the warm-up, "seconds": the time between} into `result` (JSON).
class CountingSink : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;
  gxf_result_t stop() override;

 private:
  using Clock = std::chrono::steady_clock;

  Parameter<Handle<Receiver>> in_;
  Parameter<std::string> result_;
  Parameter<std::string> tensor_;
  Parameter<int64_t> warmup_;
  Parameter<int64_t> per_message_;

  int64_t count_ = 0;
  Clock::time_point started_;
  Clock::time_point ended_;
};

}  // namespace bench
}  // namespace gxf
}  // namespace nvidia
