// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/tensor_copier.hpp"

#include <algorithm>
#include <utility>

#include "gxf/std/storage.hpp"
#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {

namespace {

// Storage type each copy mode moves tensors to.
constexpr MemoryStorageType kTargetOfMode[] = {MemoryStorageType::kDevice,
                                               MemoryStorageType::kHost,
                                               MemoryStorageType::kSystem};

}  // namespace

gxf_result_t TensorCopier::register_interface(Registrar* registrar) {
  registrar->parameter(receiver_, "receiver", "Receiver", "Receiver for incoming entities");
  registrar->parameter(transmitter_, "transmitter", "Transmitter",
                       "Transmitter for outgoing entities");
  registrar->parameter(allocator_, "allocator", "Allocator", "Memory allocator for tensor data");
  registrar->parameter(mode_, "mode", "Copy mode",
                       "0: copy to device memory, 1: to pinned host memory, 2: to system memory");
  return GXF_SUCCESS;
}

gxf_result_t TensorCopier::initialize() {
  if (mode_.get() < 0 || mode_.get() > 2) {
    return fail(GXF_PARAMETER_OUT_OF_RANGE, "unsupported copy mode %d", mode_.get());
  }
  return GXF_SUCCESS;
}

gxf_result_t TensorCopier::tick() {
  EntityRef message = receiver_->receive();
  if (!message) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  const MemoryStorageType target = kTargetOfMode[mode_.get()];
  for (Tensor* tensor : message->find_all<Tensor>()) {
    if (tensor->storage_type() == target || tensor->pointer() == nullptr) continue;
    Tensor source(std::move(*tensor));
    gxf_result_t code = tensor->reshape_custom(source.shape(), source.element_type(),
                                               source.bytes_per_element(), &source.strides(),
                                               target, allocator_.get().get());
    if (code != GXF_SUCCESS) return code;
    code = copy_storage(tensor->pointer(), target, source.pointer(), source.storage_type(),
                        std::min(tensor->size(), source.size()));
    if (code != GXF_SUCCESS) {
      return fail(code, "copying tensor '%s' failed", tensor->name().c_str());
    }
  }
  return transmitter_->publish(message);
}

}  // namespace gxf
}  // namespace nvidia
