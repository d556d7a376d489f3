// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/step_counter.hpp"

#include "extensions/test/test_assert.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t StepCounter::register_interface(Registrar* registrar) {
  registrar->parameter(use_assert_, "use_assert", "Use assert",
                       "End the process when a check fails instead of returning an error", false);
  registrar->parameter(expected_start_count_, "expected_start_count", "Expected start count",
                       "How often the codelet must have been started", uint64_t{1});
  return GXF_SUCCESS;
}

gxf_result_t StepCounter::verify(bool ok, gxf_result_t code, const char* what) const {
  if (ok) return GXF_SUCCESS;
  if (use_assert_.get()) assertion_failed("%s: %s", describe().c_str(), what);
  return fail(code, "%s", what);
}

gxf_result_t StepCounter::initialize() {
  initialized_ = true;
  starts_ = ticks_ = stops_ = 0;
  return GXF_SUCCESS;
}

gxf_result_t StepCounter::start() {
  gxf_result_t code =
      verify(initialized_, GXF_CONTRACT_INVALID_SEQUENCE, "started before initialize");
  if (code != GXF_SUCCESS) return code;
  ++starts_;
  return GXF_SUCCESS;
}

gxf_result_t StepCounter::tick() {
  gxf_result_t code = verify(starts_ > 0, GXF_CONTRACT_INVALID_SEQUENCE, "ticked before start");
  if (code != GXF_SUCCESS) return code;
  ++ticks_;
  return GXF_SUCCESS;
}

gxf_result_t StepCounter::stop() {
  gxf_result_t code = verify(starts_ == stops_ + 1, GXF_CONTRACT_INVALID_SEQUENCE,
                             "stopped without a matching start");
  if (code != GXF_SUCCESS) return code;
  ++stops_;
  return GXF_SUCCESS;
}

gxf_result_t StepCounter::deinitialize() {
  gxf_result_t code =
      verify(initialized_, GXF_CONTRACT_INVALID_SEQUENCE, "deinitialized before initialize");
  if (code != GXF_SUCCESS) return code;
  if (starts_ != expected_start_count_.get()) {
    fail(GXF_FAILURE, "start count [%lu] does not match expected start count [%lu]",
         static_cast<unsigned long>(starts_),
         static_cast<unsigned long>(expected_start_count_.get()));
    code = verify(false, GXF_FAILURE, "wrong start count");
    if (code != GXF_SUCCESS) return code;
  }
  code = verify(check_tick_count(ticks_), GXF_FAILURE, "wrong tick count");
  if (code != GXF_SUCCESS) return code;
  return verify(starts_ == stops_, GXF_CONTRACT_INVALID_SEQUENCE,
                "started more often than stopped");
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
