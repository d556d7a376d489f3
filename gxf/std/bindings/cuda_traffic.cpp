// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include "gxf/std/gems/cuda_driver/cuda_driver.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

void bind_cuda_traffic(py::module_& m) {
  m.def(
      "cuda_traffic",
      [] {
        const CudaTraffic counts = CudaDriver::instance().traffic();
        py::dict result;
        result["copies"] = counts.copies;
        result["copy_bytes"] = counts.copy_bytes;
        result["device_allocations"] = counts.device_allocations;
        result["pinned_allocations"] = counts.pinned_allocations;
        return result;
      },
      "Process-wide counts of the engine's CUDA copies (host<->device and device<->device), "
      "bytes copied, device and pinned-host allocations so far; subtract two readings to "
      "count what a stretch of a run did.");
}

}  // namespace gxf
}  // namespace nvidia
