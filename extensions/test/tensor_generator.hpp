// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <random>
#include <string>
#include <vector>

#include "gxf/std/allocator.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/staging_buffer.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

class Tensor;

namespace test {

// Each tick publishes a message with `number_of_tensors` float tensors named `tensor_name`
// of `shape` in `storage_type` memory, filled from a default-seeded random engine (two
// generators produce the same sequence, so their outputs can be compared), plus a Timestamp
// `timestamp_name` (acqtime before, pubtime after filling) when `enable_timestamps`.
class TensorGenerator : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t tick() override;

 private:
  gxf_result_t fill(Tensor* tensor);

  Parameter<Handle<Transmitter>> output_;
  Parameter<Handle<Allocator>> allocator_;
  Parameter<std::vector<int32_t>> shape_;
  Parameter<int32_t> storage_type_;
  Parameter<bool> enable_timestamps_;
  Parameter<std::string> tensor_name_;
  Parameter<std::string> timestamp_name_;
  Parameter<int32_t> number_of_tensors_;
  std::default_random_engine generator_;
  StagingBuffer staging_;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
