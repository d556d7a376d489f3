// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {

// Python's array protocols for tensors, all zero-copy: NumPy's __array_interface__ and the
// buffer protocol for host memory, __cuda_array_interface__ for device memory, DLPack both ways.
// Imported tensors keep the producer (array or DLPack capsule) alive; exported views keep the
// tensor's memory alive.

// The __array_interface__ (cuda=false) or __cuda_array_interface__ dict of a tensor. Raises
// AttributeError when the tensor is empty or its memory is on the other side, so hasattr()
// tells consumers which protocol applies.
pybind11::dict array_interface(const Tensor& tensor, bool cuda);

// Installs the buffer protocol on a pybind11 class whose instances hold a PyTensorRef; the
// exported buffer shares the tensor's memory owner.
void enable_tensor_buffer_protocol(pybind11::handle type);

// A tensor viewing `object`'s memory through its __array_interface__ (cuda=false) or
// __cuda_array_interface__ (cuda=true).
std::shared_ptr<Tensor> tensor_from_array_interface(const pybind11::object& object, bool cuda);
// A host tensor over an object's buffer (PEP 3118) of a plain numeric format; null when the
// object exports none or another format.
std::shared_ptr<Tensor> tensor_from_buffer(const pybind11::object& object);
// A tensor consuming `object.__dlpack__()` (CUDA producers are asked for the legacy stream).
std::shared_ptr<Tensor> tensor_from_dlpack(const pybind11::object& object);
// CUDA array interface first, then the NumPy array interface, then DLPack.
std::shared_ptr<Tensor> tensor_as_tensor(const pybind11::object& object);

// Tensor.__dlpack__: a "dltensor" (or, with max_version >= 1, "dltensor_versioned") capsule.
pybind11::capsule tensor_to_dlpack(const Tensor& tensor, const pybind11::object& stream,
                                   const pybind11::object& max_version,
                                   const pybind11::object& dl_device,
                                   const pybind11::object& copy);
// Tensor.__dlpack_device__: (device_type, device_id).
pybind11::tuple tensor_dlpack_device(const Tensor& tensor);

// NumPy dtype of the tensor's elements.
pybind11::object numpy_dtype(PrimitiveType type, uint64_t bytes_per_element);
// NumPy array-interface type string ("<f4"); "|V<n>" for kCustom.
std::string array_typestr(PrimitiveType type, uint64_t bytes_per_element);
// PrimitiveType of a NumPy dtype; kCustom when it has no GXF equivalent.
PrimitiveType primitive_type_of_dtype(const pybind11::object& dtype);

}  // namespace gxf
}  // namespace nvidia
