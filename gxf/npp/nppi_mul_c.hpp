// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "gxf/core/parameter.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/staging_buffer.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Receives a device float tensor {rows, columns, channels} and publishes a new one with each
// channel multiplied by its `factor`. GXF calls NPP's nppiMulC; this engine links no NPP, so it
// copies the image to the host, multiplies there and copies the result to the device.
class NppiMulC : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> in_;
  Parameter<std::vector<double>> factor_;
  Parameter<Handle<Allocator>> pool_;
  Parameter<Handle<Transmitter>> out_;
  StagingBuffer pixels_;
};

}  // namespace gxf
}  // namespace nvidia
