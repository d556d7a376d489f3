// SPDX-License-Identifier: Apache-2.0
#include "gxf/cuda/cuda_stream_sync.hpp"

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/cuda/cuda_stream.hpp"
#include "gxf/cuda/cuda_stream_id.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t CudaStreamSync::register_interface(Registrar* registrar) {
  registrar->parameter(rx_, "rx", "Receiver", "Messages whose CUDA streams to synchronize");
  registrar->parameter(tx_, "tx", "Transmitter", "Where synchronized messages go",
                       kParameterFlagsOptional);
  return GXF_SUCCESS;
}

gxf_result_t CudaStreamSync::tick() {
  EntityRef message = rx_->receive();
  if (!message) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  for (const CudaStreamId* stream_id : message->find_all<CudaStreamId>()) {
    if (stream_id->stream_cid == kNullUid) {
      GXF_LOG_WARNING("%s: empty CudaStreamId '%s' skipped", describe().c_str(),
                      stream_id->name().c_str());
      continue;
    }
    CudaStream* stream = stream_id->stream();
    if (!stream) {
      return fail(GXF_ENTITY_COMPONENT_NOT_FOUND, "CudaStreamId '%s' names no CudaStream (cid %ld)",
                  stream_id->name().c_str(), static_cast<long>(stream_id->stream_cid));
    }
    gxf_result_t code = stream->sync_stream();
    if (code != GXF_SUCCESS) return code;
  }
  if (tx_.is_set() && tx_.get()) return tx_->publish(message);
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
