// SPDX-License-Identifier: Apache-2.0
#include "extensions/test_cuda/stream_based_ops.hpp"

#include "gxf/core/context.hpp"
#include "gxf/cuda/cuda_stream_id.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

CudaStream* StreamBasedOps::stream_of(Entity* message) const {
  const CudaStreamId* stream_id = message->find<CudaStreamId>();
  if (!stream_id) {
    fail(GXF_ENTITY_COMPONENT_NOT_FOUND, "message %ld has no CudaStreamId",
         static_cast<long>(message->eid()));
    return nullptr;
  }
  CudaStream* stream = stream_id->stream();
  if (!stream) fail(GXF_ENTITY_COMPONENT_NOT_FOUND, "CudaStreamId names no CudaStream");
  return stream;
}

gxf_result_t StreamBasedOps::add_stream(Entity* message, CudaStream* stream,
                                        const std::string& name) {
  auto* stream_id = context()->add_message_component<CudaStreamId>(message, name);
  if (!stream_id) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
  stream_id->stream_cid = stream->cid();
  return GXF_SUCCESS;
}

Tensor* StreamBasedOps::add_tensor(Entity* message, Allocator* pool,
                                   const TensorDescription& description) {
  auto* tensor = context()->add_message_component<Tensor>(message, description.name);
  if (!tensor) return nullptr;
  const uint64_t bytes_per_element = description.element_type == PrimitiveType::kCustom
                                         ? description.bytes_per_element
                                         : primitive_type_size(description.element_type);
  const Tensor::stride_array_t* strides =
      description.strides ? &description.strides.value() : nullptr;
  gxf_result_t code =
      tensor->reshape_custom(description.shape, description.element_type, bytes_per_element,
                             strides, description.storage_type, pool);
  if (code != GXF_SUCCESS) {
    fail(code, "cannot allocate tensor '%s'", description.name.c_str());
    return nullptr;
  }
  return tensor;
}

gxf_result_t StreamBasedOps::add_event(Entity* message, const std::string& name,
                                       CudaStream* stream) {
  if (!ops_event_.event()) return GXF_CONTRACT_INVALID_SEQUENCE;
  if (stream) {
    gxf_result_t code = CudaDriver::instance().event_record(ops_event_.event(), stream->stream());
    if (code != GXF_SUCCESS) return code;
  }
  auto* event = context()->add_message_component<CudaEvent>(message, name);
  if (!event) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
  event->share(ops_event_);
  return GXF_SUCCESS;
}

gxf_result_t StreamBasedOps::init_ops_event() {
  if (ops_event_.event()) return GXF_SUCCESS;
  return ops_event_.init(0, 0);
}

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
