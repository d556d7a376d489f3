// SPDX-License-Identifier: Apache-2.0
#include "gxf/ucx/ucx_transmitter.hpp"

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t UcxTransmitter::register_interface(Registrar* registrar) {
  parameters_.register_with(registrar);
  registrar->parameter(receiver_address_, "receiver_address", "Receiver address",
                       "Address to connect to", std::string("0.0.0.0"));
  registrar->parameter(port_, "port", "Receiver Port", "Receiver Port", uint32_t{13337});
  registrar->parameter(local_address_, "local_address", "Local address",
                       "Local Address to use for connection", std::string("0.0.0.0"));
  registrar->parameter(local_port_, "local_port", "Local port",
                       "Local Port to use for connection", uint32_t{0});
  registrar->parameter(buffer_, "buffer", "Serialization Buffer",
                       "UcxSerializationBuffer the messages are serialized into");
  registrar->parameter(maximum_connection_retries_, "maximum_connection_retries",
                       "Maximum Connection Retries",
                       "Connection attempts (one a second) before publishing fails",
                       uint32_t{200});
  return GXF_SUCCESS;
}

std::string UcxTransmitter::peer_name() const {
  return receiver_address_.get() + ":" + std::to_string(port_.get());
}

gxf_result_t UcxTransmitter::initialize() {
  const gxf_result_t code = DoubleBufferTransmitter::initialize();
  if (code != GXF_SUCCESS) return code;
  auto context = UcxContext::find(*this);
  if (!context) return fail_with(*this, context.error());
  context_ = context.value();
  sent = 0;
  lost = 0;
  reconnections = 0;
  // Connected before the graph runs, as GXF's transmitter is: the first messages are not
  // queued behind a connection that may never come.
  Result attached = context_->attach(this);
  if (attached) attached = context_->wait_connected(this);
  if (!attached) {
    context_->detach(this);
    context_ = nullptr;
    return fail_with(*this, attached.error());
  }
  return GXF_SUCCESS;
}

gxf_result_t UcxTransmitter::deinitialize() {
  if (context_) context_->detach(this);
  context_ = nullptr;
  if (lost.load() > 0 || reconnections.load() > 0) {
    GXF_LOG_WARNING("UcxTransmitter '%s': %llu message(s) delivered to %s, %llu lost, %llu "
                    "reconnection(s)",
                    describe().c_str(), static_cast<unsigned long long>(sent.load()),
                    peer_name().c_str(), static_cast<unsigned long long>(lost.load()),
                    static_cast<unsigned long long>(reconnections.load()));
  }
  return DoubleBufferTransmitter::deinitialize();
}

gxf_result_t UcxTransmitter::sync() {
  gxf_result_t code = DoubleBufferTransmitter::sync();
  if (code != GXF_SUCCESS) return code;
  EntityRef message;
  while (DoubleBufferTransmitter::pop(&message)) {
    Result sent_off = context_ ? context_->send(this, message)
                               : Result(make_error(GXF_FAILURE, "not initialized"));
    if (!sent_off) return fail_with(*this, sent_off.error());
  }
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
