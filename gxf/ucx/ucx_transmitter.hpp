// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "gxf/core/handle.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/std/double_buffer_transmitter.hpp"
#include "gxf/ucx/ucx_context.hpp"
#include "gxf/ucx/ucx_serialization_buffer.hpp"

namespace nvidia {
namespace gxf {

// A transmitter whose messages go to a UcxReceiver (ours or GXF's) in another process: at the
// end of each tick the messages published are serialized into `buffer` and handed to the
// graph's UcxContext, which sends them to receiver_address:port. Publishing waits while too
// many messages are on their way (at most capacity + kMaxInFlight), so a fast producer
// follows the network and memory stays bounded.
class UcxTransmitter : public DoubleBufferTransmitter {
 public:
  static constexpr uint64_t kMaxInFlight = 16;

  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  bool pop(EntityRef* message) override { return false; }  // nothing is routed locally
  gxf_result_t sync() override;

  const std::string& receiver_address() const { return receiver_address_.get(); }
  uint32_t port() const { return port_.get(); }
  const std::string& local_address() const { return local_address_.get(); }
  uint32_t local_port() const { return local_port_.get(); }
  uint32_t maximum_connection_retries() const { return maximum_connection_retries_.get(); }
  UcxSerializationBuffer* buffer() const { return buffer_.get().get(); }
  // "host:port", for messages.
  std::string peer_name() const;

  // Set and counted by the UcxContext.
  UcxContext::Peer* link = nullptr;
  std::atomic<uint64_t> sent{0};           // delivered (the receiver took the data)
  std::atomic<uint64_t> lost{0};           // failed with the connection
  std::atomic<uint64_t> reconnections{0};

 private:
  Parameter<std::string> receiver_address_;
  Parameter<uint32_t> port_;
  Parameter<std::string> local_address_;
  Parameter<uint32_t> local_port_;
  Parameter<Handle<UcxSerializationBuffer>> buffer_;
  Parameter<uint32_t> maximum_connection_retries_;
  UcxContext* context_ = nullptr;
};

}  // namespace gxf
}  // namespace nvidia
