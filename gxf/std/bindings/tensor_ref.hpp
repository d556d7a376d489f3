// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include "gxf/core/bindings/errors.hpp"
#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {

// What a Python Tensor object holds: either a tensor of its own (Tensor(), as_tensor,
// from_dlpack, get_from_entity: those share memory with their source, never copy it) or a
// link to a Tensor component inside a message (add_to_entity). The link does not keep the
// message alive, as in GXF: once the message is freed the component is gone and using the
// Python object raises instead of touching freed memory.
class PyTensorRef {
 public:
  PyTensorRef() : owned_(std::make_shared<Tensor>()) {}
  explicit PyTensorRef(std::shared_ptr<Tensor> tensor) : owned_(std::move(tensor)) {}
  explicit PyTensorRef(Tensor* component) : component_(component->self_reference()) {}
  virtual ~PyTensorRef() = default;

  Tensor& get() const {
    if (owned_) return *owned_;
    Tensor* tensor = component_ ? component_->load() : nullptr;
    if (!tensor) {
      throw GxfException{Error(GXF_ENTITY_COMPONENT_NOT_FOUND,
                               "the tensor's message was destroyed")};
    }
    return *tensor;
  }
  Tensor* operator->() const { return &get(); }

 private:
  std::shared_ptr<Tensor> owned_;
  Tensor::SelfReference component_;
};

// The subclass GXF returns from as_tensor/from_dlpack/get_from_entity/find_all_from_entity.
class PyTensor : public PyTensorRef {
 public:
  using PyTensorRef::PyTensorRef;
};

}  // namespace gxf
}  // namespace nvidia
