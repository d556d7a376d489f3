// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "gxf/core/handle.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/std/double_buffer_receiver.hpp"
#include "gxf/ucx/ucx_context.hpp"
#include "gxf/ucx/ucx_serialization_buffer.hpp"

namespace nvidia {
namespace gxf {

// A receiver fed by a UcxTransmitter (ours or GXF's) in another process: the graph's
// UcxContext listens on address:port, takes one peer at a time (again after it goes away),
// deserializes what arrives through `buffer` and pushes it here, waking the scheduler.
class UcxReceiver : public DoubleBufferReceiver {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  const std::string& address() const { return address_.get(); }
  uint32_t port() const { return port_.get(); }
  UcxSerializationBuffer* buffer() const { return buffer_.get().get(); }
  std::string listen_name() const;
  EntityRef receive() override;
  // Called by the UcxContext's thread with each message received.
  void deliver(const EntityRef& message);
  // Room for messages still to come (the UcxContext takes no more from the network than
  // fit, so a slow graph slows its sender instead of dropping messages).
  size_t room() const;
  // Set by the UcxContext when it holds messages back for want of room.
  std::atomic<bool> waiting_for_room{false};

  UcxContext::Peer* link = nullptr;
  std::atomic<uint64_t> connections{0};
  std::atomic<uint64_t> malformed{0};  // messages refused (their connection was closed)

 private:
  Parameter<std::string> address_;
  Parameter<uint32_t> port_;
  Parameter<Handle<UcxSerializationBuffer>> buffer_;
  UcxContext* context_ = nullptr;
  std::atomic<uint64_t> delivered_{0};
  std::atomic<uint64_t> dropped_{0};
};

}  // namespace gxf
}  // namespace nvidia
