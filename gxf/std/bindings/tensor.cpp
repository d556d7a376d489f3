// SPDX-License-Identifier: Apache-2.0
#include <pybind11/numpy.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/core/bindings/message_entity.hpp"
#include "gxf/std/bindings/python_release.hpp"
#include "gxf/std/bindings/tensor_interop.hpp"
#include "gxf/std/bindings/tensor_ref.hpp"
#include "gxf/std/storage.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

// A PyTensor sharing the memory of `source` (a component or another tensor): what GXF's
// get_from_entity/find_all_from_entity return. The message may go; the memory stays.
PyTensor view_of(const Tensor& source) {
  auto tensor = std::make_shared<Tensor>();
  tensor->share(source);
  return PyTensor(std::move(tensor));
}

Tensor* add_tensor_component(const PyMessageEntity& message, const py::object& name) {
  Entity* entity = message_of(message);
  const std::string component_name = name.is_none() ? std::string() : name.cast<std::string>();
  Tensor* tensor = entity->context()->add_message_component<Tensor>(entity, component_name);
  if (!tensor) throw_code(GXF_FACTORY_UNKNOWN_CLASS_NAME, "Tensor is not registered");
  return tensor;
}

Tensor::stride_array_t stride_array(const std::vector<uint64_t>& strides) {
  if (strides.size() > Shape::kMaxRank) throw py::value_error("at most 8 strides");
  Tensor::stride_array_t result;
  result.fill(0);
  std::copy(strides.begin(), strides.end(), result.begin());
  return result;
}

Allocator* require_allocator(Allocator* allocator) {
  if (!allocator) throw_code(GXF_ARGUMENT_NULL, "an allocator is required");
  return allocator;
}

// A tensor wrapping a NumPy array without copying; the array stays alive with the tensor.
std::shared_ptr<Tensor> wrap_numpy(const py::array& array, MemoryStorageType storage) {
  if (array.ndim() > static_cast<py::ssize_t>(Shape::kMaxRank)) {
    throw py::value_error("tensors have at most 8 dimensions");
  }
  std::array<int32_t, Shape::kMaxRank> dims{};
  Tensor::stride_array_t strides;
  strides.fill(0);
  for (py::ssize_t i = 0; i < array.ndim(); ++i) {
    dims[i] = static_cast<int32_t>(array.shape(i));
    if (array.strides(i) < 0) throw py::value_error("arrays with negative strides are not supported");
    strides[i] = static_cast<uint64_t>(array.strides(i));
  }
  const Shape shape(dims, static_cast<uint32_t>(array.ndim()));
  auto tensor = std::make_shared<Tensor>();
  const auto item_size = static_cast<uint64_t>(array.itemsize());
  const uint64_t size = std::max<uint64_t>(array.nbytes(), strided_span(shape, item_size, strides));
  tensor->wrap_shared(shape, primitive_type_of_dtype(array.dtype()), item_size, &strides, storage,
                      const_cast<void*>(array.data()), size, hold_python_object(array));
  return tensor;
}

void bind_enums(py::module_& m) {
  py::enum_<PrimitiveType>(m, "PrimitiveType", "Element type of a tensor.")
      .value("kCustom", PrimitiveType::kCustom)
      .value("kInt8", PrimitiveType::kInt8)
      .value("kUnsigned8", PrimitiveType::kUnsigned8)
      .value("kInt16", PrimitiveType::kInt16)
      .value("kUnsigned16", PrimitiveType::kUnsigned16)
      .value("kInt32", PrimitiveType::kInt32)
      .value("kUnsigned32", PrimitiveType::kUnsigned32)
      .value("kInt64", PrimitiveType::kInt64)
      .value("kUnsigned64", PrimitiveType::kUnsigned64)
      .value("kFloat32", PrimitiveType::kFloat32)
      .value("kFloat64", PrimitiveType::kFloat64)
      .value("kComplex64", PrimitiveType::kComplex64)
      .value("kComplex128", PrimitiveType::kComplex128)
      .value("kFloat16", PrimitiveType::kFloat16);
  py::enum_<MemoryStorageType>(m, "MemoryStorageType", "Where tensor memory lives.")
      .value("kHost", MemoryStorageType::kHost)
      .value("kDevice", MemoryStorageType::kDevice)
      .value("kSystem", MemoryStorageType::kSystem);
}

void bind_shape(py::module_& m) {
  py::class_<Shape>(m, "Shape", "Dimensions of a tensor (rank 0..8).")
      .def(py::init<>(), "An empty rank-0 shape.")
      .def(py::init([](const std::vector<int32_t>& dims) {
             if (dims.size() > Shape::kMaxRank) throw py::value_error("at most 8 dimensions");
             return Shape(dims);
           }),
           py::arg("dims"), "A shape from a list of extents.")
      .def("rank", &Shape::rank, "Number of dimensions.")
      .def("size", &Shape::size, "Element count (0 for rank 0).")
      .def("dimension", &Shape::dimension, py::arg("index"), "Extent of one dimension.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const Shape& shape) {
        std::string text = "Shape([";
        for (uint32_t i = 0; i < shape.rank(); ++i) {
          if (i) text += ", ";
          text += std::to_string(shape.dimension(i));
        }
        return text + "])";
      });
}

void bind_tensor_description(py::module_& m) {
  py::class_<TensorDescription>(m, "TensorDescription", "How to allocate one named tensor.")
      .def(py::init([](std::string name, MemoryStorageType storage_type, Shape shape,
                       PrimitiveType element_type, uint64_t bytes_per_element,
                       const std::vector<uint64_t>& strides) {
             TensorDescription description{std::move(name), storage_type, shape, element_type,
                                           bytes_per_element, std::nullopt};
             if (!strides.empty()) description.strides = stride_array(strides);
             return description;
           }),
           py::arg("name"), py::arg("storage_type"), py::arg("shape"), py::arg("element_type"),
           py::arg("bytes_per_element"), py::arg("strides") = std::vector<uint64_t>{})
      .def_readwrite("name", &TensorDescription::name)
      .def_readwrite("storage_type", &TensorDescription::storage_type)
      .def_readwrite("shape", &TensorDescription::shape)
      .def_readwrite("element_type", &TensorDescription::element_type)
      .def_readwrite("bytes_per_element", &TensorDescription::bytes_per_element)
      .def_property(
          "strides",
          [](const TensorDescription& description) {
            if (description.strides) return *description.strides;
            Tensor::stride_array_t zeros;
            zeros.fill(0);
            return zeros;
          },
          [](TensorDescription&, py::object) {
            throw py::value_error("Setting stride not supported yet from python");
          },
          "Strides in bytes (8 values, all 0 when unset); read-only.");
}

py::tuple tensor_info(const Tensor& tensor) {
  std::vector<int32_t> dims;
  std::vector<int64_t> strides;
  for (uint32_t i = 0; i < tensor.rank(); ++i) {
    dims.push_back(tensor.shape().dimension(i));
    strides.push_back(static_cast<int64_t>(tensor.stride(i)));
  }
  // The data pointer travels as a nameless capsule, as in GXF (ctypes' PyCapsule_GetPointer).
  py::object pointer = tensor.pointer() ? py::object(py::capsule(tensor.pointer()))
                                        : py::object(py::none());
  return py::make_tuple(pointer, tensor.size(),
                        numpy_dtype(tensor.element_type(), tensor.bytes_per_element()),
                        tensor.rank(), dims, strides);
}

TensorDescription description_of(const Tensor& tensor) {
  return TensorDescription{std::string(), tensor.storage_type(), tensor.shape(),
                           tensor.element_type(), tensor.bytes_per_element(), std::nullopt};
}

void bind_tensor_methods(py::class_<PyTensorRef>& tensor) {
  tensor
      .def("shape", [](const PyTensorRef& self) { return self->shape(); }, "The tensor's Shape.")
      .def("element_type", [](const PyTensorRef& self) { return self->element_type(); },
           "The PrimitiveType of its elements.")
      .def("storage_type", [](const PyTensorRef& self) { return self->storage_type(); },
           "The MemoryStorageType of its memory.")
      .def("bytes_per_element", [](const PyTensorRef& self) { return self->bytes_per_element(); },
           "Bytes per element.")
      .def("element_count", [](const PyTensorRef& self) { return self->element_count(); },
           "Number of elements.")
      .def("rank", [](const PyTensorRef& self) { return self->rank(); }, "Number of dimensions.")
      .def("size", [](const PyTensorRef& self) { return self->size(); }, "Bytes of memory.")
      .def("strides",
           [](const PyTensorRef& self) {
             std::vector<uint64_t> strides;
             for (uint32_t i = 0; i < self->rank(); ++i) strides.push_back(self->stride(i));
             return strides;
           },
           "Strides in bytes, one per dimension.")
      .def("data_ptr",
           [](const PyTensorRef& self) { return reinterpret_cast<uintptr_t>(self->pointer()); },
           "Address of the first element (0 when empty).")
      .def("get_tensor_info", [](const PyTensorRef& self) { return tensor_info(self.get()); },
           "(data pointer capsule, size in bytes, numpy dtype, rank, dims, strides).")
      .def("get_tensor_description",
           [](const PyTensorRef& self) { return description_of(self.get()); },
           "A TensorDescription of the tensor's layout.")
      .def("reshape",
           [](const PyTensorRef& self, const TensorDescription& description,
              Allocator* allocator) {
             const Tensor::stride_array_t* strides =
                 description.strides ? &description.strides.value() : nullptr;
             throw_code(self->reshape_custom(description.shape, description.element_type,
                                             description.bytes_per_element, strides,
                                             description.storage_type,
                                             require_allocator(allocator)));
           },
           py::arg("description"), py::arg("allocator"),
           "Allocate memory for the layout in `description` from `allocator`.")
      .def("reshape_custom",
           [](const PyTensorRef& self, const Shape& shape, PrimitiveType element_type,
              uint64_t bytes_per_element, const std::vector<uint64_t>& strides,
              MemoryStorageType storage_type, Allocator* allocator) {
             Tensor::stride_array_t explicit_strides = stride_array(strides);
             throw_code(self->reshape_custom(shape, element_type, bytes_per_element,
                                             strides.empty() ? nullptr : &explicit_strides,
                                             storage_type, require_allocator(allocator)));
           },
           py::arg("shape"), py::arg("element_type"), py::arg("bytes_per_element"),
           py::arg("strides"), py::arg("storage_type"), py::arg("allocator"),
           "Allocate memory with explicit strides (bytes; an empty list means dense).")
      .def_property_readonly(
          "__array_interface__",
          [](const PyTensorRef& self) { return array_interface(self.get(), false); },
          "NumPy array interface (host and system memory).")
      .def_property_readonly(
          "__cuda_array_interface__",
          [](const PyTensorRef& self) { return array_interface(self.get(), true); },
          "CUDA array interface (device memory).")
      .def("__dlpack__",
           [](const PyTensorRef& self, py::object stream, py::object max_version,
              py::object dl_device, py::object copy) {
             return tensor_to_dlpack(self.get(), stream, max_version, dl_device, copy);
           },
           py::arg("stream") = py::none(), py::arg("max_version") = py::none(),
           py::arg("dl_device") = py::none(), py::arg("copy") = py::none(),
           "Export as a DLPack capsule (no copy).")
      .def("__dlpack_device__",
           [](const PyTensorRef& self) { return tensor_dlpack_device(self.get()); },
           "(DLPack device type, device id): 1 CPU, 2 CUDA, 3 CUDA host.")
      .def("__repr__", [](const PyTensorRef& self) {
        const Tensor& tensor = self.get();
        std::string dims;
        for (uint32_t i = 0; i < tensor.rank(); ++i) {
          dims += (i ? ", " : "") + std::to_string(tensor.shape().dimension(i));
        }
        return "<Tensor shape=(" + dims + ") " + primitive_type_name(tensor.element_type()) +
               " " + storage_type_name(tensor.storage_type()) + ">";
      });
}

void bind_tensor_statics(py::class_<PyTensorRef>& tensor) {
  tensor
      .def_static("as_tensor",
                  [](const py::object& object) { return PyTensor(tensor_as_tensor(object)); },
                  py::arg("object"),
                  "Zero-copy tensor from an object with __cuda_array_interface__, "
                  "__array_interface__ or __dlpack__, or from a DLPack capsule.")
      .def_static("from_dlpack",
                  [](const py::object& object) { return PyTensor(tensor_from_dlpack(object)); },
                  py::arg("object"),
                  "Zero-copy tensor consuming object.__dlpack__() (or a DLPack capsule).")
      .def_static("add_to_entity",
                  [](const PyMessageEntity& message, const PyTensorRef& source,
                     py::object name) {
                    Tensor* tensor = add_tensor_component(message, name);
                    *tensor = std::move(source.get());
                    return PyTensorRef(tensor);
                  },
                  py::arg("message"), py::arg("tensor"), py::arg("name") = "",
                  "Move `tensor` into a new Tensor component (the source ends empty).")
      .def_static("add_to_entity",
                  [](const PyMessageEntity& message, py::object name) {
                    return PyTensorRef(add_tensor_component(message, name));
                  },
                  py::arg("message"), py::arg("name") = py::none(),
                  "Add an empty Tensor component to a message (reshape it next).")
      .def_static(
          "add_np_array_as_tensor_to_entity",
          [](const PyMessageEntity& message, py::object name, const py::array& array,
             Allocator* allocator) {
            py::array dense = py::array::ensure(array, py::array::c_style);
            Tensor* tensor = add_tensor_component(message, name);
            std::array<int32_t, Shape::kMaxRank> dims{};
            for (py::ssize_t i = 0; i < dense.ndim() && i < 8; ++i) {
              dims[i] = static_cast<int32_t>(dense.shape(i));
            }
            throw_code(tensor->reshape_custom(
                Shape(dims, static_cast<uint32_t>(dense.ndim())),
                primitive_type_of_dtype(dense.dtype()), static_cast<uint64_t>(dense.itemsize()),
                nullptr, MemoryStorageType::kHost, require_allocator(allocator)));
            throw_code(copy_storage(tensor->pointer(), MemoryStorageType::kHost, dense.data(),
                                    MemoryStorageType::kSystem,
                                    static_cast<size_t>(dense.nbytes())));
            return PyTensorRef(tensor);
          },
          py::arg("message"), py::arg("name"), py::arg("array"), py::arg("allocator"),
          "Copy a NumPy array into a new host Tensor allocated from `allocator`.")
      .def_static("get_from_entity",
                  [](const PyMessageEntity& message, py::object name) {
                    Entity* entity = message_of(message);
                    Tensor* tensor = name.is_none() || name.cast<std::string>().empty()
                                         ? entity->find<Tensor>()
                                         : entity->find<Tensor>(name.cast<std::string>());
                    if (!tensor) throw py::value_error("error getting tensor");
                    return view_of(*tensor);
                  },
                  py::arg("message"), py::arg("name") = py::none(),
                  "A tensor sharing the memory of the message's tensor `name` (first if None).")
      .def_static("find_all_from_entity",
                  [](const PyMessageEntity& message) {
                    std::vector<PyTensor> result;
                    for (Tensor* tensor : message_of(message)->find_all<Tensor>()) {
                      result.push_back(view_of(*tensor));
                    }
                    return result;
                  },
                  py::arg("message"), "Every tensor of the message, in component order.");
}

}  // namespace

void bind_tensor(py::module_& m) {
  bind_enums(m);
  bind_shape(m);
  bind_tensor_description(m);

  py::class_<PyTensorRef> tensor(m, "Tensor", py::dynamic_attr(),
                                 "An n-dimensional array in host, device or system memory.");
  enable_tensor_buffer_protocol(tensor);
  tensor.def(py::init<>(), "An empty tensor.")
      .def(py::init([](const py::object& object) {
             if (py::isinstance<py::array>(object)) {
               static bool warned = false;
               if (!warned) {
                 warned = true;
                 GXF_LOG_WARNING("Passing a NumPy array to the Tensor constructor is deprecated; "
                                 "use Tensor.as_tensor for zero-copy wrapping.");
               }
               return PyTensorRef(wrap_numpy(object.cast<py::array>(), MemoryStorageType::kHost));
             }
             if (py::hasattr(object, "__cuda_array_interface__") ||
                 py::hasattr(object, "__array_interface__") || py::hasattr(object, "__dlpack__")) {
               throw py::value_error("Please use `Tensor.as_tensor(array_like)` to create a "
                                     "Tensor from an array-like object.");
             }
             throw py::value_error("The `Tensor()` constructor can only create a tensor from a "
                                   "NumPy array; use `Tensor.as_tensor()` for other arrays.");
           }),
           py::arg("array"), "Deprecated: wrap a NumPy array (use Tensor.as_tensor).");
  bind_tensor_methods(tensor);
  bind_tensor_statics(tensor);

  py::class_<PyTensor, PyTensorRef>(m, "PyTensor", py::dynamic_attr(),
                                    "A tensor returned by the interop and lookup functions.");

  m.def("get_from_entity_context",
        [](uint64_t context, int64_t eid, const std::string& name) {
          Entity* entity = context_from_handle(context)->entity(eid);
          if (!entity) throw_code(GXF_ENTITY_NOT_FOUND, "no entity " + std::to_string(eid));
          Tensor* tensor = entity->find<Tensor>(name);
          if (!tensor) throw py::value_error("Field with matching name does not exist");
          return py::module_::import("numpy").attr("asarray")(py::cast(view_of(*tensor)));
        },
        py::arg("context"), py::arg("eid"), py::arg("name"),
        "The host tensor `name` of entity `eid` as a NumPy array (no copy).");

  m.def("_python_release_counts", [] {
        const PythonReleaseCounts counts = python_release_counts();
        py::dict result;
        result["queued"] = counts.queued;
        result["by_codelet_calls"] = counts.by_codelet_calls;
        result["by_helper"] = counts.by_helper;
        return result;
      },
      "Python objects released for threads without the GIL: queued, and run by codelet calls "
      "or by the helper thread.");
  m.def("_drop_on_other_thread", [](py::object object) {
        std::shared_ptr<void> held = hold_python_object(std::move(object));
        py::gil_scoped_release unlocked;
        std::thread([held = std::move(held)]() mutable { held.reset(); }).join();
      },
      "Drop the last reference to `object` on a thread without the GIL (a test of the release "
      "handover).");
  install_python_releaser();
  py::module_::import("atexit").attr("register")(py::cpp_function(&stop_python_releaser));
}

}  // namespace gxf
}  // namespace nvidia
