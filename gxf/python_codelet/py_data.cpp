// SPDX-License-Identifier: Apache-2.0
#include "gxf/python_codelet/py_data.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

PyData::~PyData() {
  if (!object_) return;
  if (Py_IsInitialized()) {
    py::gil_scoped_acquire gil;
    object_ = py::object();
  } else {
    object_.release();  // interpreter gone: leak rather than touch Python
  }
}

}  // namespace gxf
}  // namespace nvidia
