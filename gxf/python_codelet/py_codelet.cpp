// SPDX-License-Identifier: Apache-2.0
#include "gxf/python_codelet/py_codelet.hpp"

#include <string>
#include <utility>
#include <vector>

#include "gxf/core/bindings/python_failure.hpp"
#include "gxf/core/entity.hpp"
#include "gxf/python_codelet/codelet_call.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

// `method`'s name as an interned Python string, made once per name and kept for the process:
// a call by a C string decodes and hashes the name and builds a bound method every tick.
// Called with the GIL held (the cache's lock); the few names are start, tick and stop.
PyObject* method_name(const char* method) {
  static std::vector<std::pair<std::string, PyObject*>> names;
  for (const auto& [text, name] : names) {
    if (text == method) return name;
  }
  PyObject* name = PyUnicode_InternFromString(method);
  if (name) names.emplace_back(method, name);
  return name;
}

}  // namespace

PyCodeletV0::~PyCodeletV0() {
  release_python_object(instance_);
}

gxf_result_t PyCodeletV0::register_interface(Registrar* registrar) {
  registrar->parameter(codelet_name_, "codelet_name", "Codelet name",
                       "Name of the CodeletAdapter subclass in codelet_file");
  registrar->parameter(codelet_file_, "codelet_file", "Codelet file",
                       "Python file defining the class ('None' or '': look in __main__)");
  registrar->parameter(codelet_params_, "codelet_params", "Codelet parameters",
                       "YAML mapping handed to the codelet by get_params()",
                       kParameterFlagsOptional);
  return GXF_SUCCESS;
}

gxf_result_t PyCodeletV0::start() {
  CodeletCall call;
  py::module_ loader = py::module_::import("gxf.python_codelet.loader");
  py::object codelet_class;
  try {
    codelet_class = loader.attr("load_codelet_class")(std::string(codelet_file_.get()),
                                                      codelet_name_.get());
  } catch (py::error_already_set& error) {
    // A file or class the graph names but that is not there is the graph's mistake: its reason,
    // without a traceback. An exception raised by the codelet file itself keeps its traceback.
    return report_python_error(*this, error, loader.attr("CodeletLoadError"), "start()");
  }
  try {
    instance_ = codelet_class();
    py::object bridge = py::module_::import("gxf.python_codelet._python_codelet")
                            .attr("PyCodeletBridge")(reinterpret_cast<uintptr_t>(this));
    instance_.attr("set_bridge")(bridge);
    instance_.attr("start")();
  } catch (py::error_already_set& error) {
    store_python_failure(context(), error, describe() + " in start()");
    instance_ = py::object();
    return GXF_FAILURE;
  }
  return GXF_SUCCESS;
}

gxf_result_t PyCodeletV0::call(const char* method, GilStats* stats) {
  int64_t requested_ns = stats ? metrics_now_ns() : 0;
  CodeletCall call;
  int64_t acquired_ns = stats ? metrics_now_ns() : 0;
  if (!instance_) return std::string(method) == "stop" ? GXF_SUCCESS : GXF_CONTRACT_INVALID_SEQUENCE;
  gxf_result_t code = GXF_SUCCESS;
  try {
    // The method looked up and called without a bound method object (vectorcall).
    PyObject* name = method_name(method);
    PyObject* result = name ? PyObject_CallMethodNoArgs(instance_.ptr(), name) : nullptr;
    if (!result) throw py::error_already_set();
    Py_DECREF(result);
  } catch (py::error_already_set& error) {
    store_python_failure(context(), error, describe() + " in " + method + "()");
    code = GXF_FAILURE;
  }
  // The wait covers the process-wide codelet call lock too: both are the price of running
  // Python from this worker.
  if (stats) stats->record(acquired_ns - requested_ns, metrics_now_ns() - acquired_ns);
  return code;
}

gxf_result_t PyCodeletV0::tick() {
  GilStats* stats = gil_stats_.load(std::memory_order_acquire);
  return call("tick", stats && stats->should_time() ? stats : nullptr);
}

gxf_result_t PyCodeletV0::stop() {
  gxf_result_t code = call("stop");
  CodeletCall release_call;
  instance_ = py::object();
  return code;
}

}  // namespace gxf
}  // namespace nvidia
