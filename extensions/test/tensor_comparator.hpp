// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/staging_buffer.hpp"

namespace nvidia {
namespace gxf {

class Entity;

namespace test {

// Each tick takes one message from `expected` and one from `actual` and fails unless they
// hold the same tensors (names, storage and element types, shapes, bytes, in order) and,
// per `compare_timestamp` (PubtimeAndAcqtime, PubtimeOnly, AcqtimeOnly or None), the same
// Timestamps.
class TensorComparator : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t tick() override;

 private:
  gxf_result_t compare_timestamps(Entity* expected, Entity* actual);
  gxf_result_t compare_tensors(Entity* expected, Entity* actual);

  Parameter<Handle<Receiver>> expected_;
  Parameter<Handle<Receiver>> actual_;
  Parameter<std::string> compare_timestamp_;
  bool compare_pubtime_ = true;
  bool compare_acqtime_ = true;
  StagingBuffer expected_bytes_;
  StagingBuffer actual_bytes_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
