// SPDX-License-Identifier: Apache-2.0
#include "gxf/ucx/ucx_receiver.hpp"

#include "gxf/core/logger.hpp"
#include "gxf/std/entity_events.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t UcxReceiver::register_interface(Registrar* registrar) {
  parameters_.register_with(registrar, 10);
  registrar->parameter(address_, "address", "Listener Address", "Address to listen on",
                       std::string("0.0.0.0"));
  registrar->parameter(port_, "port", "rx_port", "RX port", uint32_t{13337});
  registrar->parameter(buffer_, "buffer", "Serialization Buffer",
                       "UcxSerializationBuffer the messages are deserialized from");
  return GXF_SUCCESS;
}

std::string UcxReceiver::listen_name() const {
  return address_.get() + ":" + std::to_string(port_.get());
}

gxf_result_t UcxReceiver::initialize() {
  const gxf_result_t code = DoubleBufferReceiver::initialize();
  if (code != GXF_SUCCESS) return code;
  auto context = UcxContext::find(*this);
  if (!context) return fail_with(*this, context.error());
  context_ = context.value();
  delivered_ = 0;
  dropped_ = 0;
  connections = 0;
  malformed = 0;
  Result attached = context_->attach(this);
  return attached ? GXF_SUCCESS : fail_with(*this, attached.error());
}

gxf_result_t UcxReceiver::deinitialize() {
  if (context_) context_->detach(this);
  context_ = nullptr;
  if (dropped_.load() > 0 || malformed.load() > 0) {
    GXF_LOG_WARNING("UcxReceiver '%s': %llu message(s) received, %llu dropped (queue full), "
                    "%llu malformed refused",
                    describe().c_str(), static_cast<unsigned long long>(delivered_.load()),
                    static_cast<unsigned long long>(dropped_.load()),
                    static_cast<unsigned long long>(malformed.load()));
  }
  return DoubleBufferReceiver::deinitialize();
}

EntityRef UcxReceiver::receive() {
  EntityRef message = DoubleBufferReceiver::receive();
  if (message && waiting_for_room.exchange(false) && context_) context_->wake();
  return message;
}

size_t UcxReceiver::room() const {
  const size_t held = size() + back_size();
  return held < capacity() ? capacity() - held : 0;
}

void UcxReceiver::deliver(const EntityRef& message) {
  if (push(message) != GXF_SUCCESS) {
    dropped_++;
    GXF_LOG_WARNING("UcxReceiver '%s' is full (capacity %zu); message dropped",
                    describe().c_str(), capacity());
    return;
  }
  delivered_++;
  // kExternal: what wakes a waiting GreedyScheduler too (the others wake on any event).
  notify_entity_event(this, EventType::kExternal);
}

}  // namespace gxf
}  // namespace nvidia
