// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/core/parameter.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Each tick publishes a device float tensor {rows, columns, channels} with every pixel set to
// `value` (one number per channel). GXF calls NPP's nppiSet; this engine links no NPP, so it
// fills one row on the host and copies it to every row of the device tensor.
class NppiSet : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<int32_t> rows_;
  Parameter<int32_t> columns_;
  Parameter<int32_t> channels_;
  Parameter<Handle<Allocator>> pool_;
  Parameter<std::vector<double>> value_;
  Parameter<Handle<Transmitter>> out_;
  std::vector<float> pixels_;
};

}  // namespace gxf
}  // namespace nvidia
