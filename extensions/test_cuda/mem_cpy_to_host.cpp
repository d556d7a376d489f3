// SPDX-License-Identifier: Apache-2.0
#include "extensions/test_cuda/mem_cpy_to_host.hpp"

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {
namespace cuda {

gxf_result_t MemCpy2Host::register_interface(Registrar* registrar) {
  registrar->parameter(tx_, "tx", "transmitter of tensors", "");
  registrar->parameter(rx_, "rx", "receiver of tensors", "");
  registrar->parameter(tensor_pool_, "tensor_pool", "Tensor output pool", "");
  return GXF_SUCCESS;
}

gxf_result_t MemCpy2Host::tick() {
  EntityRef input = rx_->receive();
  if (!input) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  const Tensor* in = input->find<Tensor>();
  CudaStream* stream = stream_of(input.get());
  if (!in || !stream) return GXF_ENTITY_COMPONENT_NOT_FOUND;
  EntityRef output = context()->create_message();
  Tensor* out = add_tensor(output.get(), tensor_pool_.get().get(),
                           {in->name(), MemoryStorageType::kHost, in->shape(), in->element_type()});
  if (!out) return GXF_FAILURE;
  gxf_result_t code = add_stream(output.get(), stream);
  if (code != GXF_SUCCESS) return code;
  code = CudaDriver::instance().copy_async(out->pointer(), in->pointer(), in->size(),
                                           stream->stream());
  if (code != GXF_SUCCESS) return code;
  // The input must outlive the asynchronous copy: the stream keeps it until the event is done.
  auto* event = context()->add_message_component<CudaEvent>(output.get(), "memcpy_event");
  if (!event) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
  code = event->init(0, stream->dev_id());
  if (code == GXF_SUCCESS) code = stream->record(event, input);
  if (code != GXF_SUCCESS) return code;
  return tx_->publish(output);
}

}  // namespace cuda
}  // namespace test
}  // namespace gxf
}  // namespace nvidia
