// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/std/codelet.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Counts start/tick/stop calls and checks their order as they happen (a tick needs a start, a
// stop needs exactly one more start than stops). deinitialize() checks the start count and
// calls check_tick_count() for the tick count. With use_assert a failed check ends the process.
class StepCounter : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t start() override;
  gxf_result_t tick() override;
  gxf_result_t stop() override;
  gxf_result_t deinitialize() override;

 protected:
  // Logs and returns false when `ticks` is not what the subclass expects.
  virtual bool check_tick_count(uint64_t ticks) const = 0;

 private:
  // GXF_SUCCESS when `ok`; otherwise `code`, or the process ends when use_assert is set.
  gxf_result_t verify(bool ok, gxf_result_t code, const char* what) const;

  Parameter<bool> use_assert_;
  Parameter<uint64_t> expected_start_count_;

  bool initialized_ = false;
  uint64_t starts_ = 0;
  uint64_t ticks_ = 0;
  uint64_t stops_ = 0;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
