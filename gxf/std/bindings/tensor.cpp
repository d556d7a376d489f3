// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

namespace py = pybind11;

namespace nvidia {
namespace gxf {

void bind_tensor(py::module_& m) {}

}  // namespace gxf
}  // namespace nvidia
