// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pybind11/pybind11.h>

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

// A message component carrying one Python object by reference (no copy, no pickling), so
// Python codelets in one process can send any object. The reference is dropped with the GIL
// held when the message is freed, whichever thread frees it.
class PyData : public Component {
 public:
  ~PyData() override;
  void set(pybind11::object object) { object_ = std::move(object); }
  const pybind11::object& get() const { return object_; }

 private:
  pybind11::object object_;
};

}  // namespace gxf
}  // namespace nvidia
