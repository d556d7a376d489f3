// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// Receives a message and prints each tensor to stdout: "shape: (2, 3, 4), name: 0, 1, ...".
// Device tensors print as "[device-data]". `silent` skips the printing.
class PrintTensor : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> tensors_;
  Parameter<bool> silent_;
};

// Receives a message and logs the element count of each tensor (debug level).
class Print : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> message_;
};

// Takes one message per tick and drops it (a sink for load tests).
class Pop : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> message_;
};

// Writes the elements of a host tensor as "v0, v1, ..., " and a newline.
void print_tensor_values(const Tensor& tensor);

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
