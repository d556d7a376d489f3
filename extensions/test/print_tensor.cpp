// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/print_tensor.hpp"

#include <cinttypes>
#include <cstdio>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {

namespace {

template <typename T, typename Printed = T>
void print_as(const Tensor& tensor, const char* format) {
  const T* values = reinterpret_cast<const T*>(tensor.pointer());
  for (uint64_t i = 0; i < tensor.element_count(); ++i) {
    std::printf(format, static_cast<Printed>(values[i]));
  }
  std::printf("\n");
}

}  // namespace

void print_tensor_values(const Tensor& tensor) {
  if (tensor.storage_type() == MemoryStorageType::kDevice) {
    std::printf("[device-data]\n");
    return;
  }
  switch (tensor.element_type()) {
    case PrimitiveType::kUnsigned8: return print_as<uint8_t, uint32_t>(tensor, "%u, ");
    case PrimitiveType::kUnsigned16: return print_as<uint16_t, uint32_t>(tensor, "%u, ");
    case PrimitiveType::kUnsigned32: return print_as<uint32_t>(tensor, "%u, ");
    case PrimitiveType::kUnsigned64: return print_as<uint64_t>(tensor, "%" PRIu64 ", ");
    case PrimitiveType::kInt8: return print_as<int8_t, int32_t>(tensor, "%d, ");
    case PrimitiveType::kInt16: return print_as<int16_t, int32_t>(tensor, "%d, ");
    case PrimitiveType::kInt32: return print_as<int32_t>(tensor, "%d, ");
    case PrimitiveType::kInt64: return print_as<int64_t>(tensor, "%" PRId64 ", ");
    case PrimitiveType::kFloat32: return print_as<float, double>(tensor, "%f, ");
    case PrimitiveType::kFloat64: return print_as<double>(tensor, "%f, ");
    default:
      std::printf("Unknown type %d\n", static_cast<int>(tensor.element_type()));
  }
}

gxf_result_t PrintTensor::register_interface(Registrar* registrar) {
  registrar->parameter(tensors_, "tensors", "Input Tensor", "Receiver of tensor messages");
  registrar->parameter(silent_, "silent", "Enable silent mode", "Print nothing", false,
                       kParameterFlagsDynamic);
  return GXF_SUCCESS;
}

gxf_result_t PrintTensor::tick() {
  EntityRef message = tensors_->receive();
  if (!message) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  if (silent_.get()) return GXF_SUCCESS;
  for (const Tensor* tensor : message->find_all<Tensor>()) {
    std::printf("shape: (");
    for (uint32_t i = 0; i < tensor->rank(); ++i) {
      std::printf(i + 1 < tensor->rank() ? "%d, " : "%d", tensor->shape().dimension(i));
    }
    std::printf("), %s: ", tensor->name().c_str());
    print_tensor_values(*tensor);
  }
  std::fflush(stdout);
  return GXF_SUCCESS;
}

gxf_result_t Print::register_interface(Registrar* registrar) {
  registrar->parameter(message_, "message", "Message", "Receiver of tensor messages");
  return GXF_SUCCESS;
}

gxf_result_t Print::tick() {
  EntityRef message = message_->receive();
  if (!message) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  for (const Tensor* tensor : message->find_all<Tensor>()) {
    GXF_LOG_DEBUG("[%05ld] Received E%05ld with Tensor '%s' with %lu elements",
                  static_cast<long>(cid()), static_cast<long>(message.eid()),
                  tensor->name().c_str(), static_cast<unsigned long>(tensor->element_count()));
  }
  return GXF_SUCCESS;
}

gxf_result_t Pop::register_interface(Registrar* registrar) {
  registrar->parameter(message_, "message", "Message", "Receiver to drain");
  return GXF_SUCCESS;
}

gxf_result_t Pop::tick() {
  message_->receive();
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
