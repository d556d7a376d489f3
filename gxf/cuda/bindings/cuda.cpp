// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include "gxf/core/context.hpp"
#include "gxf/cuda/cuda_stream.hpp"
#include "gxf/cuda/cuda_stream_id.hpp"
#include "gxf/cuda/cuda_stream_pool.hpp"
#include "gxf/core/bindings/message_entity.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

CudaStreamId* find_stream_id(const PyMessageEntity& message, const py::object& name) {
  Entity* entity = message_of(message);
  return name.is_none() ? entity->find<CudaStreamId>()
                        : entity->find<CudaStreamId>(name.cast<std::string>());
}

}  // namespace

void bind_cuda(py::module_& m) {
  py::class_<CudaStream, std::unique_ptr<CudaStream, py::nodelete>>(
      m, "CudaStream", "A CUDA stream owned by a CudaStreamPool.")
      .def("cid", &CudaStream::cid, "Component id (what CudaStreamId.stream_cid holds).")
      .def("dev_id", &CudaStream::dev_id, "GPU of the stream.")
      .def("stream",
           [](const CudaStream& self) { return reinterpret_cast<uintptr_t>(self.stream()); },
           "The cudaStream_t as an integer (e.g. for cupy.cuda.ExternalStream).")
      .def("sync",
           [](CudaStream& self) {
             gxf_result_t code;
             {
               py::gil_scoped_release unlocked;
               code = self.sync_stream();
             }
             throw_code(code, "stream synchronization failed");
           },
           "Wait for all work queued on the stream.");

  py::class_<CudaStreamPool, std::unique_ptr<CudaStreamPool, py::nodelete>>(
      m, "CudaStreamPool", "Hands out CUDA streams.")
      .def_static("get",
                  [](uint64_t context, int64_t cid, const std::string& name) {
                    return lookup_component<CudaStreamPool>(context, cid, name,
                                                            "CudaStreamPool");
                  },
                  py::return_value_policy::reference, py::arg("context"), py::arg("cid"),
                  py::arg("name"), "The stream pool named `name` next to component `cid`.")
      .def("allocate_stream",
           [](CudaStreamPool& self) {
             auto stream = self.allocate_stream();
             if (!stream) throw GxfException{stream.error()};
             return py::make_tuple(stream.value()->cid(),
                                   py::cast(stream.value(), py::return_value_policy::reference));
           },
           "Take a stream: returns (stream_cid, CudaStream).")
      .def("release_stream",
           [](CudaStreamPool& self, int64_t cid) {
             auto* stream = dynamic_cast<CudaStream*>(self.context()->component(cid));
             if (!stream) throw_code(GXF_ENTITY_COMPONENT_NOT_FOUND, "no CudaStream with that cid");
             throw_code(self.release_stream(stream), "cannot release the stream");
           },
           py::arg("stream_cid"), "Give a stream back to the pool.");

  py::class_<CudaStreamId, std::unique_ptr<CudaStreamId, py::nodelete>>(
      m, "CudaStreamId", "Message component naming the stream the message's data is made on.")
      .def_readwrite("stream_cid", &CudaStreamId::stream_cid)
      .def_static("add_to_entity",
                  [](const PyMessageEntity& message, const py::object& name) {
                    Entity* entity = message_of(message);
                    const std::string component =
                        name.is_none() ? std::string() : name.cast<std::string>();
                    auto* stream_id =
                        entity->context()->add_message_component<CudaStreamId>(entity, component);
                    if (!stream_id) {
                      throw_code(GXF_FACTORY_UNKNOWN_CLASS_NAME,
                                 "CudaStreamId is not registered (load libgxf_cuda.so)");
                    }
                    return stream_id;
                  },
                  py::return_value_policy::reference, py::arg("message"),
                  py::arg("name") = py::none(), "Add a CudaStreamId to a message.")
      .def_static("get_from_entity",
                  [](const PyMessageEntity& message, const py::object& name) {
                    CudaStreamId* stream_id = find_stream_id(message, name);
                    if (!stream_id) throw_code(GXF_ENTITY_COMPONENT_NOT_FOUND, "no CudaStreamId");
                    return stream_id;
                  },
                  py::return_value_policy::reference, py::arg("message"),
                  py::arg("name") = py::none(), "The message's CudaStreamId.")
      .def_static("find_from_entity", &find_stream_id, py::return_value_policy::reference,
                  py::arg("message"), py::arg("name") = py::none(),
                  "The message's CudaStreamId, or None where it has none.")
      .def("stream",
           [](const CudaStreamId& self) {
             CudaStream* stream = self.stream();
             if (!stream) {
               throw_code(GXF_ENTITY_COMPONENT_NOT_FOUND,
                          "CudaStreamId names component " + std::to_string(self.stream_cid) +
                              ", which is no CudaStream");
             }
             return stream;
           },
           py::return_value_policy::reference, "The CudaStream stream_cid names.");

  m.def("cuda_available", [] { return cuda_available(); },
        "True when the CUDA driver and a GPU are usable.");
}

}  // namespace gxf
}  // namespace nvidia
