// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "gxf/std/dlpack.hpp"
#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {

// DLPack dtype of a tensor's elements; `lanes` > 1 when bytes_per_element holds several
// primitive values (e.g. RGB pixels). Empty for kCustom.
std::optional<dlpack::DLDataType> to_dl_data_type(PrimitiveType type, uint64_t bytes_per_element);
// PrimitiveType of a DLPack dtype (bool maps to kUnsigned8); empty when unsupported.
std::optional<PrimitiveType> from_dl_data_type(const dlpack::DLDataType& dtype);

// The DLPack device of a tensor's memory: CPU for kSystem, CUDA host for pinned kHost memory
// (CPU when it is plain heap memory), CUDA with the pointer's ordinal for kDevice.
dlpack::DLDevice dl_device_of(const Tensor& tensor);
// Storage type for memory on a DLPack device; empty when unsupported.
std::optional<MemoryStorageType> storage_type_of(const dlpack::DLDevice& device);

// A DLPack view of a tensor that keeps the tensor's memory alive until its deleter runs.
// `versioned` selects DLManagedTensorVersioned (DLPack 1.x) over DLManagedTensor.
dlpack::DLManagedTensor* export_dlpack(const Tensor& tensor);
dlpack::DLManagedTensorVersioned* export_dlpack_versioned(const Tensor& tensor);

// Makes `tensor` a view of a DLPack tensor; `owner` keeps the producer's memory (it must call
// the producer's deleter when released). Fails for unsupported devices or dtypes.
gxf_result_t import_dlpack(const dlpack::DLTensor& dl_tensor, std::shared_ptr<void> owner,
                           Tensor* tensor);

}  // namespace gxf
}  // namespace nvidia
