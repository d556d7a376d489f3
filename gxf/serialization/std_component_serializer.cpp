// SPDX-License-Identifier: Apache-2.0
#include "gxf/serialization/std_component_serializer.hpp"

#include <array>
#include <cstring>
#include <string>
#include <typeindex>

#include "gxf/core/context.hpp"
#include "gxf/serialization/tensor_header.hpp"
#include "gxf/std/storage.hpp"
#include "gxf/std/tensor.hpp"
#include "gxf/std/timestamp.hpp"

namespace nvidia {
namespace gxf {

namespace {

#pragma pack(push, 1)
// Timestamp's fields in GXF's order.
struct TimestampData {
  int64_t pubtime;
  int64_t acqtime;
};
#pragma pack(pop)

Unexpected tensor_error(gxf_result_t code, const std::string& what) {
  return make_error(code, "tensor data: " + what);
}

// Copies the elements of a strided host array into `out`, densely in row-major order.
void pack_strided(const uint8_t* base, const Shape& shape, const Tensor::stride_array_t& strides,
                  uint64_t bytes_per_element, uint8_t* out) {
  const uint32_t rank = shape.rank();
  std::array<int32_t, Shape::kMaxRank> index{};
  const uint64_t count = shape.size();
  for (uint64_t n = 0; n < count; ++n) {
    uint64_t offset = 0;
    for (uint32_t d = 0; d < rank; ++d) offset += static_cast<uint64_t>(index[d]) * strides[d];
    std::memcpy(out + n * bytes_per_element, base + offset, bytes_per_element);
    for (int32_t d = static_cast<int32_t>(rank) - 1; d >= 0; --d) {
      if (++index[d] < shape.dimension(d)) break;
      index[d] = 0;
    }
  }
}

}  // namespace

gxf_result_t StdComponentSerializer::register_interface(Registrar* registrar) {
  registrar->parameter(allocator_, "allocator", "Memory allocator",
                       "Memory allocator for tensor components");
  return GXF_SUCCESS;
}

gxf_result_t StdComponentSerializer::initialize() {
  const TypeInfo* tensor = context()->registry().find(std::type_index(typeid(Tensor)));
  const TypeInfo* timestamp = context()->registry().find(std::type_index(typeid(Timestamp)));
  if (!tensor || !timestamp) {
    return fail(GXF_FACTORY_UNKNOWN_CLASS_NAME,
                "Tensor and Timestamp are not registered: load the std extension first");
  }
  tensor_tid_ = tensor->tid;
  timestamp_tid_ = timestamp->tid;
  return GXF_SUCCESS;
}

bool StdComponentSerializer::is_supported(const gxf_tid_t& tid) const {
  return tid == tensor_tid_ || tid == timestamp_tid_;
}

Expected<size_t> StdComponentSerializer::serialize_component(const Component& component,
                                                             Endpoint* endpoint) {
  if (const auto* tensor = dynamic_cast<const Tensor*>(&component)) {
    return serialize_tensor(*tensor, endpoint);
  }
  if (const auto* timestamp = dynamic_cast<const Timestamp*>(&component)) {
    return serialize_timestamp(*timestamp, endpoint);
  }
  return make_error(GXF_ARGUMENT_INVALID,
                    "component '" + component.name() + "' of type " + component.type_name() +
                        " has no data format in StdComponentSerializer");
}

Result StdComponentSerializer::deserialize_component(Component* component, Endpoint* endpoint) {
  if (auto* tensor = dynamic_cast<Tensor*>(component)) return deserialize_tensor(tensor, endpoint);
  if (auto* timestamp = dynamic_cast<Timestamp*>(component)) {
    return deserialize_timestamp(timestamp, endpoint);
  }
  return make_error(GXF_ARGUMENT_INVALID,
                    "component '" + component->name() + "' of type " + component->type_name() +
                        " has no data format in StdComponentSerializer");
}

Expected<size_t> StdComponentSerializer::serialize_timestamp(const Timestamp& timestamp,
                                                             Endpoint* endpoint) {
  const TimestampData data{timestamp.pubtime, timestamp.acqtime};
  return endpoint->write_trivial(data);
}

Result StdComponentSerializer::deserialize_timestamp(Timestamp* timestamp, Endpoint* endpoint) {
  TimestampData data;
  auto read = endpoint->read_trivial(&data);
  if (!read) return read.error().with_context("timestamp data");
  timestamp->pubtime = data.pubtime;
  timestamp->acqtime = data.acqtime;
  return Result();
}

Expected<size_t> StdComponentSerializer::serialize_tensor(const Tensor& tensor,
                                                          Endpoint* endpoint) {
  const uint64_t payload = tensor.element_count() * tensor.bytes_per_element();
  // GXF's readers take element_count * bytes_per_element bytes from the start of the data, so
  // a strided tensor goes dense: its header names dense strides and the elements are packed.
  const bool dense = tensor.is_contiguous();
  const Tensor::stride_array_t strides =
      dense ? tensor.strides() : compute_trivial_strides(tensor.shape(), tensor.bytes_per_element());

  const TensorHeader header = make_tensor_header(tensor, strides);
  auto written = endpoint->write_trivial(header);
  if (!written) return written.error();

  const auto storage = tensor.storage_type();
  if (payload == 0) return sizeof(header);
  const uint8_t* source = tensor.pointer();
  if (storage == MemoryStorageType::kDevice || !dense) {
    if (storage == MemoryStorageType::kDevice && !dense) {
      return tensor_error(GXF_ARGUMENT_INVALID, "tensor '" + tensor.name() +
                                                    "' is a strided device tensor; only dense "
                                                    "device tensors can be serialized");
    }
    staging_.resize(payload);
    if (dense) {
      const gxf_result_t code = copy_storage(staging_.data(), MemoryStorageType::kSystem, source,
                                             storage, payload);
      if (code != GXF_SUCCESS) {
        return tensor_error(code, "cannot copy device tensor '" + tensor.name() + "' to host");
      }
    } else {
      pack_strided(source, tensor.shape(), tensor.strides(), tensor.bytes_per_element(),
                   staging_.data());
    }
    source = staging_.data();
  }
  auto data = endpoint->write(source, payload);
  if (!data) return data.error();
  return sizeof(header) + payload;
}

Result StdComponentSerializer::deserialize_tensor(Tensor* tensor, Endpoint* endpoint) {
  TensorHeader header;
  auto read = endpoint->read_trivial(&header);
  if (!read) return read.error().with_context("tensor header");

  auto reshaped =
      reshape_from_header(header, tensor, allocator_.get().get(), endpoint->readable());
  if (!reshaped) return reshaped.error();
  const uint64_t payload = reshaped.value();
  const auto storage = tensor->storage_type();
  if (payload == 0) return Result();
  if (storage != MemoryStorageType::kDevice) {
    auto data = endpoint->read(tensor->pointer(), payload);
    if (!data) return data.error().with_context("tensor elements");
    return Result();
  }
  staging_.resize(payload);
  auto data = endpoint->read(staging_.data(), payload);
  if (!data) return data.error().with_context("tensor elements");
  const gxf_result_t copied = copy_storage(tensor->pointer(), storage, staging_.data(),
                                           MemoryStorageType::kSystem, payload);
  if (copied != GXF_SUCCESS) return tensor_error(copied, "cannot copy the elements to the device");
  return Result();
}

}  // namespace gxf
}  // namespace nvidia
