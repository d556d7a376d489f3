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
// builds the constant image on the device once and copies it device-to-device each tick.
class NppiSet : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t deinitialize() override;
  gxf_result_t tick() override;

 private:
  gxf_result_t make_image(size_t bytes);

  Parameter<int32_t> rows_;
  Parameter<int32_t> columns_;
  Parameter<int32_t> channels_;
  Parameter<Handle<Allocator>> pool_;
  Parameter<std::vector<double>> value_;
  Parameter<Handle<Transmitter>> out_;
  void* image_ = nullptr;  // the constant image in device memory
  size_t image_bytes_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
