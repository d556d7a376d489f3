// SPDX-License-Identifier: Apache-2.0
// BatchMeta, FrameMeta, ObjectMeta, Rect, UserMeta, TensorOutput: pyservicemaker's (pyds's)
// metadata classes, bound to the C++ model the messages carry (gxf/flow/metadata.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gxf/flow/metadata.hpp"
#include "gxf/std/bindings/tensor_ref.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

using flow::BatchMeta;
using flow::FrameMeta;
using flow::ObjectMeta;
using flow::Rect;
using flow::TensorLayer;
using flow::TensorOutput;
using flow::UserMeta;

// A Python object a UserMeta owns; dropped with the GIL held, from whichever thread frees the
// message last (as PyData does).
std::shared_ptr<void> hold_python(py::object object) {
  return std::shared_ptr<void>(new py::object(std::move(object)), [](void* raw) {
    auto* held = static_cast<py::object*>(raw);
    if (Py_IsInitialized()) {
      py::gil_scoped_acquire gil;
      delete held;
    } else {
      held->release();  // interpreter gone: leak rather than touch Python
      delete held;
    }
  });
}

// A TensorOutput viewing the tensors of {name: tensor} (any DLPack or array-interface object;
// a gxf.flow Tensor keeps its layout), sharing their memory.
std::shared_ptr<TensorOutput> tensor_output_from(const py::dict& layers) {
  py::object as_tensor = py::module_::import("gxf.std").attr("Tensor").attr("as_tensor");
  auto output = std::make_shared<TensorOutput>();
  for (auto item : layers) {
    py::object value = py::reinterpret_borrow<py::object>(item.second);
    TensorLayer layer;
    layer.name = py::str(item.first);
    py::object layout = py::getattr(value, "layout", py::none());
    if (!layout.is_none()) layer.layout = layout.cast<std::string>();
    py::object viewed = as_tensor(value);
    layer.tensor = std::make_shared<Tensor>();
    layer.tensor->share(viewed.cast<PyTensorRef&>().get());
    output->layers.push_back(std::move(layer));
  }
  return output;
}

// {name: gxf.flow Tensor} viewing the layers of `output` (no copy).
py::dict layers_of(const TensorOutput& output) {
  py::object flow_tensor = py::module_::import("gxf.flow.tensor").attr("Tensor");
  py::dict layers;
  for (const TensorLayer& layer : output.layers) {
    py::object viewed = py::cast(PyTensor(std::make_shared<Tensor>()));
    viewed.cast<PyTensorRef&>().get().share(*layer.tensor);
    layers[py::str(layer.name)] =
        flow_tensor(viewed, layer.layout.empty() ? py::object(py::none()) : py::str(layer.layout));
  }
  return layers;
}

template <typename T>
py::list list_of(const std::vector<std::shared_ptr<T>>& items) {
  py::list list;
  for (const auto& item : items) list.append(py::cast(item));
  return list;
}

void bind_rect(py::module_& m) {
  py::class_<Rect, std::shared_ptr<Rect>>(m, "Rect", "A box: left, top, width, height in pixels.")
      .def(py::init([](float left, float top, float width, float height) {
             return std::make_shared<Rect>(Rect{left, top, width, height});
           }),
           py::arg("left") = 0.0f, py::arg("top") = 0.0f, py::arg("width") = 0.0f,
           py::arg("height") = 0.0f)
      .def_readwrite("left", &Rect::left)
      .def_readwrite("top", &Rect::top)
      .def_readwrite("width", &Rect::width)
      .def_readwrite("height", &Rect::height)
      .def("__repr__", [](const Rect& r) {
        return py::str("Rect({}, {}, {}, {})").format(r.left, r.top, r.width, r.height);
      });
}

void bind_object_meta(py::module_& m) {
  py::class_<ObjectMeta, std::shared_ptr<ObjectMeta>>(m, "ObjectMeta",
                                                      "One detected object of a frame.")
      .def(py::init([](int64_t class_id, float confidence, const Rect* rect, std::string label,
                       int64_t object_id) {
             auto object = std::make_shared<ObjectMeta>();
             object->class_id = class_id;
             object->confidence = confidence;
             if (rect) object->rect = *rect;
             object->label = std::move(label);
             object->object_id = object_id;
             return object;
           }),
           py::arg("class_id") = 0, py::arg("confidence") = 0.0f, py::arg("rect") = nullptr,
           py::arg("label") = "", py::arg("object_id") = -1)
      .def_readwrite("class_id", &ObjectMeta::class_id)
      .def_readwrite("confidence", &ObjectMeta::confidence)
      .def_property(
          "rect", [](ObjectMeta& self) -> Rect& { return self.rect; },
          [](ObjectMeta& self, const Rect& rect) { self.rect = rect; },
          py::return_value_policy::reference_internal, "The object's box (a view: writable).")
      .def_readwrite("label", &ObjectMeta::label)
      .def_readwrite("object_id", &ObjectMeta::object_id)
      .def("__repr__", [](const ObjectMeta& o) {
        return py::str("ObjectMeta(class_id={}, confidence={}, rect=Rect({}, {}, {}, {}), "
                       "label={!r}, object_id={})")
            .format(o.class_id, o.confidence, o.rect.left, o.rect.top, o.rect.width,
                    o.rect.height, o.label, o.object_id);
      });
}

void bind_user_meta(py::module_& m) {
  py::class_<TensorOutput, std::shared_ptr<TensorOutput>>(
      m, "TensorOutput", "Named output tensors of one inference (a UserMeta's payload).")
      .def(py::init([](py::object layers) {
             return layers.is_none() ? std::make_shared<TensorOutput>()
                                     : tensor_output_from(layers.cast<py::dict>());
           }),
           py::arg("layers") = py::none(),
           "From {name: tensor} (any DLPack or array-interface object; no copy).")
      .def("get_layers", [](const TensorOutput& self) { return layers_of(self); },
           "{layer name: Tensor}, viewing the layers' memory.");

  py::class_<UserMeta, std::shared_ptr<UserMeta>>(
      m, "UserMeta", "User data of a frame: a TensorOutput, or any Python object.")
      .def(py::init([](py::object data, std::string meta_type) {
             auto meta = std::make_shared<UserMeta>();
             meta->meta_type = std::move(meta_type);
             if (py::isinstance<TensorOutput>(data)) {
               meta->tensor_output = data.cast<std::shared_ptr<TensorOutput>>();
             } else if (!data.is_none()) {
               meta->python_data = hold_python(std::move(data));
             }
             return meta;
           }),
           py::arg("data") = py::none(), py::arg("meta_type") = "user")
      .def_readwrite("meta_type", &UserMeta::meta_type)
      .def_property_readonly(
          "data",
          [](const UserMeta& self) -> py::object {
            if (self.tensor_output) return py::cast(self.tensor_output);
            if (self.python_data) return *static_cast<py::object*>(self.python_data.get());
            return py::none();
          },
          "The TensorOutput or Python object this meta carries.")
      .def("as_tensor_output",
           [](const UserMeta& self) {
             if (!self.tensor_output) {
               throw py::type_error(
                   "UserMeta of type '" + self.meta_type + "' holds " +
                   (self.python_data ? std::string(py::str(py::type::of(
                                           *static_cast<py::object*>(self.python_data.get()))
                                                               .attr("__name__")))
                                     : std::string("nothing")) +
                   ", not a TensorOutput");
             }
             return self.tensor_output;
           },
           "The TensorOutput this meta carries.");
}

void bind_frame_meta(py::module_& m) {
  py::class_<FrameMeta, std::shared_ptr<FrameMeta>>(m, "FrameMeta",
                                                    "Metadata of one frame of a batch.")
      .def(py::init([](int64_t frame_num, int64_t batch_id, int64_t source_id, int64_t pts) {
             auto frame = std::make_shared<FrameMeta>();
             frame->frame_num = frame_num;
             frame->batch_id = batch_id;
             frame->source_id = source_id;
             frame->pts = pts;
             return frame;
           }),
           py::arg("frame_num") = 0, py::arg("batch_id") = 0, py::arg("source_id") = 0,
           py::arg("pts") = 0)
      .def_readwrite("frame_num", &FrameMeta::frame_num)
      .def_readwrite("batch_id", &FrameMeta::batch_id)
      .def_readwrite("source_id", &FrameMeta::source_id)
      .def_readwrite("pts", &FrameMeta::pts)
      .def_property_readonly("object_items",
                             [](const FrameMeta& self) { return list_of(self.object_items); },
                             "The frame's ObjectMeta items (a new list of the shared items).")
      .def_property_readonly("tensor_items",
                             [](const FrameMeta& self) { return list_of(self.tensor_items); },
                             "UserMeta items holding a TensorOutput.")
      .def_property_readonly("user_items",
                             [](const FrameMeta& self) { return list_of(self.user_items); },
                             "Other UserMeta items.")
      .def("append",
           [](FrameMeta& self, const py::object& item) {
             if (py::isinstance<ObjectMeta>(item)) {
               self.object_items.push_back(item.cast<std::shared_ptr<ObjectMeta>>());
             } else if (py::isinstance<UserMeta>(item)) {
               auto user = item.cast<std::shared_ptr<UserMeta>>();
               (user->tensor_output ? self.tensor_items : self.user_items).push_back(user);
             } else {
               throw py::type_error("FrameMeta.append: expected ObjectMeta or UserMeta, got " +
                                    std::string(py::str(py::type::of(item).attr("__name__"))));
             }
           },
           py::arg("item"), "Attach an ObjectMeta or UserMeta (tensor outputs go to tensor_items).")
      .def("__repr__", [](const FrameMeta& f) {
        return py::str("FrameMeta(frame_num={}, batch_id={}, source_id={}, pts={}, objects={})")
            .format(f.frame_num, f.batch_id, f.source_id, f.pts, f.object_items.size());
      });
}

void bind_batch_meta(py::module_& m) {
  py::class_<BatchMeta, std::shared_ptr<BatchMeta>>(
      m, "BatchMeta", "Metadata of one buffer: a FrameMeta per frame, in batch order.")
      .def(py::init([](py::object frames) {
             std::vector<std::shared_ptr<FrameMeta>> items;
             if (!frames.is_none()) items = frames.cast<std::vector<std::shared_ptr<FrameMeta>>>();
             return std::make_shared<BatchMeta>(std::move(items));
           }),
           py::arg("frame_items") = py::none())
      .def_static("from_source", &BatchMeta::from_source, py::arg("batch_size"),
                  py::arg("source_id"), py::arg("first_frame_num"), py::arg("pts"),
                  "Frames first_frame_num.. of a source, made when first asked for.")
      .def_static("merged", &BatchMeta::merged, py::arg("metas"),
                  "One BatchMeta holding the frames of `metas`, renumbered by batch_id.")
      .def_property_readonly("frame_items",
                             [](BatchMeta& self) { return list_of(self.frame_items()); },
                             "The FrameMeta of each frame (a new list of the shared items).")
      .def("acquire_object_meta", [](BatchMeta&) { return std::make_shared<ObjectMeta>(); },
           "A new ObjectMeta to fill and append to a FrameMeta.")
      .def("acquire_user_meta", [](BatchMeta&) { return std::make_shared<UserMeta>(); },
           "A new UserMeta to fill and append to a FrameMeta.")
      .def("__repr__", [](BatchMeta& self) {
        return py::str("BatchMeta({})").format(list_of(self.frame_items()));
      });
}

}  // namespace

void bind_metadata(py::module_& m) {
  bind_rect(m);
  bind_object_meta(m);
  bind_user_meta(m);
  bind_frame_meta(m);
  bind_batch_meta(m);
}

}  // namespace gxf
}  // namespace nvidia
