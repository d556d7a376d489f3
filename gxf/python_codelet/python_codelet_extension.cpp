// SPDX-License-Identifier: Apache-2.0
// The Python codelet extension's registration table (libgxf_python_codelet.so).
#include "gxf/core/extension.hpp"
#include "gxf/python_codelet/py_codelet.hpp"
#include "gxf/python_codelet/py_data.hpp"

namespace nvidia {
namespace gxf {

namespace {

void python_codelet_extension_factory(Extension& ext) {
  ext.set_info({0x787daddc1c3411ec, 0x96210242ac130002}, "PythonCodeletExtension",
               "Codelets written in Python", "NVIDIA-compatible", "0.6.0", "Apache-2.0");
  ext.add<PyCodeletV0, Codelet>("nvidia::gxf::PyCodeletV0", {0xcd8b08c2f643483f, 0xf33b02bfa75c23fb},
                                "Runs a Python CodeletAdapter subclass");
  ext.add<PyData, Component>("nvidia::gxf::PyData", {0x3b5e2a9c7d1f4e08, 0xa46c18f2d09b7e53},
                             "A Python object carried by a message");
}

}  // namespace

}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_python_codelet.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::python_codelet_extension_factory(extension); }
