// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "gxf/core/handle.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/serialization/entity_serializer.hpp"
#include "gxf/ucx/ucx_api.hpp"

namespace nvidia {
namespace gxf {

class UcxReceiver;
class UcxTransmitter;

// The UCX side of a graph: one UCP context, and one thread that does all UCX work for the
// graph's UcxTransmitters and UcxReceivers (one UCP worker each, as GXF has): receivers listen
// on their address and port and take one peer at a time, transmitters connect to theirs and
// send each message as an active message (id 0) whose header is the serialized entity and
// whose data is the tensors' memory, as GXF's UCX extension does, so either end may be GXF.
//
// Connections are made and remade by the thread: a transmitter retries every second up to its
// maximum_connection_retries, then fails its next publish with the reason; with `reconnect`
// a receiver whose peer went away listens again, and a transmitter whose receiver went away
// reconnects, counting the messages lost with the connection.
class UcxContext : public Component {
 public:
  UcxContext();
  ~UcxContext() override;
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  // Called by transmitters and receivers at their initialize; starts UCX on first use.
  Result attach(UcxReceiver* receiver);
  Result attach(UcxTransmitter* transmitter);
  void detach(UcxReceiver* receiver);
  void detach(UcxTransmitter* transmitter);
  // Wakes the thread (a message to send, room in a receiver).
  void wake();
  // Waits until `transmitter` is connected; fails when its retries ran out.
  Result wait_connected(UcxTransmitter* transmitter);
  // Serializes `message` (on the calling thread) and queues it for `transmitter`'s peer;
  // waits while the queue is full; fails once the connection failed for good.
  Result send(UcxTransmitter* transmitter, const EntityRef& message);

  EntitySerializer* serializer() const { return serializer_.get().get(); }
  bool reconnect() const { return reconnect_.get(); }
  const ucx::UcxApi* api() const { return api_; }

  // The UcxContext of this component's graph: the one in `component`'s entity, else the only
  // one in the graph.
  static Expected<UcxContext*> find(const Component& component);

  struct Peer;  // one transmitter's or receiver's UCX state (ucx_context.cpp)

 private:
  Result start();
  void stop();
  void run();
  bool progress_once();
  void wait_for_events(int timeout_ms);
  Result add_peer(std::unique_ptr<Peer> peer);
  void remove(Peer* peer);
  void serve_receiver(Peer* peer);
  void serve_transmitter(Peer* peer);
  void connect(Peer* peer);
  void drop_connection(Peer* peer, const std::string& why, bool graceful = false);
  void take_message(Peer* peer);
  void deliver_received(Peer* peer);
  void close_peer(Peer* peer);

  Parameter<Handle<EntitySerializer>> serializer_;
  Parameter<bool> reconnect_;
  Parameter<bool> cpu_data_only_;
  Parameter<bool> enable_async_;
  Parameter<uint64_t> shutdown_timeout_ms_;

  const ucx::UcxApi* api_ = nullptr;
  ucx::ucp_context_h ucp_ = nullptr;
  std::mutex mutex_;  // guards peers_ and the attach/detach requests
  std::condition_variable changed_;  // a peer's queue drained, its state changed, or it left
  std::vector<std::unique_ptr<Peer>> peers_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> initialized_{false};
  bool device_direct_ = false;  // UCX moves device memory itself (set in start())  // initialize() done: its serializer is ready
  std::mutex serializer_mutex_;  // the serializer is shared by senders and the thread
  int wake_fd_ = -1;  // eventfd the thread polls with the workers' fds
  int users_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
