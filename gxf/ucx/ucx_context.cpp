// SPDX-License-Identifier: Apache-2.0
#include "gxf/ucx/ucx_context.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/std/storage.hpp"
#include "gxf/ucx/ucx_receiver.hpp"
#include "gxf/ucx/ucx_transmitter.hpp"

namespace nvidia {
namespace gxf {

using namespace ucx;  // NOLINT: the UCP names are the vocabulary of this file
using Clock = std::chrono::steady_clock;

namespace {

// GXF's UCX extension sends every message as active message 0.
constexpr unsigned kActiveMessageId = 0;
// A transmitter that lost or never had its receiver tries again after this long.
constexpr auto kRetryInterval = std::chrono::seconds(1);

// One message on its way out: the serialized headers and the tensors' memory, kept alive by
// the message until UCX is done with it. Reused (their vectors keep their capacity).
struct Send {
  EntityRef message;
  std::vector<uint8_t> header;
  std::vector<ucp_dt_iov_t> data;
  std::vector<uint8_t> staging;  // host copy of device tensors, when UCX cannot send them
  ucs_memory_type_t memory_type = UCS_MEMORY_TYPE_HOST;
  void* request = nullptr;
  bool done = false;
  ucs_status_t status = UCS_OK;
};

// One active message received, before its data is fetched.
struct Arrival {
  std::vector<uint8_t> header;
  void* data = nullptr;  // UCX's descriptor (eager data or rendezvous)
  size_t length = 0;
  uint64_t attributes = 0;
  std::vector<uint8_t> inline_data;  // data UCX lends only during the callback
};

// A message whose tensors are being received.
struct Receiving {
  EntityRef message;
  std::vector<ucp_dt_iov_t> parts;  // where the data goes; UCX reads it until completion
  std::vector<bool> on_device;      // per part
  std::vector<uint8_t> staging;     // received here first when UCX cannot write device memory
  void* request = nullptr;
  bool done = false;
  ucs_status_t status = UCS_OK;
};

// Copies a message's data, received in one host block, into its tensors (host or device).
ucs_status_t scatter(const uint8_t* source, const Receiving& receiving) {
  for (size_t i = 0; i < receiving.parts.size(); ++i) {
    const ucp_dt_iov_t& part = receiving.parts[i];
    const gxf_result_t copied =
        copy_storage(part.buffer,
                     receiving.on_device[i] ? MemoryStorageType::kDevice
                                            : MemoryStorageType::kSystem,
                     source, MemoryStorageType::kSystem, part.length);
    if (copied != GXF_SUCCESS) return UCS_ERR_IO_ERROR;
    source += part.length;
  }
  return UCS_OK;
}

Expected<sockaddr_storage> socket_address(const std::string& host, uint32_t port) {
  sockaddr_storage address{};
  if (port > 65535) {
    return make_error(GXF_ARGUMENT_OUT_OF_RANGE, "port " + std::to_string(port) + " is not a port");
  }
  auto* v4 = reinterpret_cast<sockaddr_in*>(&address);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&address);
  if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<uint16_t>(port));
    return address;
  }
  if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<uint16_t>(port));
    return address;
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  addrinfo* found = nullptr;
  const int code = getaddrinfo(host.c_str(), nullptr, &hints, &found);
  if (code != 0 || !found) {
    return make_error(GXF_ARGUMENT_INVALID,
                      "address '" + host + "' does not resolve: " + gai_strerror(code));
  }
  std::memcpy(&address, found->ai_addr, found->ai_addrlen);
  freeaddrinfo(found);
  if (address.ss_family == AF_INET) v4->sin_port = htons(static_cast<uint16_t>(port));
  if (address.ss_family == AF_INET6) v6->sin6_port = htons(static_cast<uint16_t>(port));
  return address;
}

}  // namespace

struct UcxContext::Peer {
  UcxTransmitter* tx = nullptr;
  UcxReceiver* rx = nullptr;
  std::string name;  // "entity/component"
  ucp_worker_h worker = nullptr;
  int efd = -1;
  ucp_ep_h ep = nullptr;
  bool ep_failed = false;  // set by UCX's error callback
  ucs_status_t ep_status = UCS_OK;
  bool leaving = false;    // guarded by the context's mutex
  Clock::time_point leave_deadline;

  // Transmitters
  enum class Link { kDown, kConnecting, kUp, kFailed } link = Link::kDown;
  void* flush_request = nullptr;
  bool flush_done = false;
  ucs_status_t flush_status = UCS_OK;
  uint32_t attempts = 0;
  Clock::time_point next_attempt;
  bool was_up = false;
  bool link_up = false;                      // link == kUp, for other threads; guarded
  std::string failure;                       // guarded by the context's mutex
  std::deque<std::unique_ptr<Send>> queue;   // guarded by the context's mutex
  std::vector<std::unique_ptr<Send>> spare;  // guarded by the context's mutex
  size_t pending = 0;                        // queued + in flight; guarded
  std::deque<std::unique_ptr<Send>> in_flight;

  // Receivers
  ucp_listener_h listener = nullptr;
  ucp_conn_request_h conn_request = nullptr;
  std::deque<Arrival> arrivals;
  std::deque<std::unique_ptr<Receiving>> receiving;
};

namespace {

void on_endpoint_error(void* arg, ucp_ep_h, ucs_status_t status) {
  auto* peer = static_cast<UcxContext::Peer*>(arg);
  peer->ep_failed = true;
  peer->ep_status = status;
}

void on_send_done(void*, ucs_status_t status, void* user_data) {
  auto* send = static_cast<Send*>(user_data);
  send->done = true;
  send->status = status;
}

void on_flush_done(void*, ucs_status_t status, void* user_data) {
  auto* peer = static_cast<UcxContext::Peer*>(user_data);
  peer->flush_done = true;
  peer->flush_status = status;
}

void on_receive_done(void*, ucs_status_t status, size_t, void* user_data) {
  auto* receiving = static_cast<Receiving*>(user_data);
  receiving->done = true;
  receiving->status = status;
}

ucs_status_t on_active_message(void* arg, const void* header, size_t header_length, void* data,
                               size_t length, const ucp_am_recv_param_t* param) {
  auto* peer = static_cast<UcxContext::Peer*>(arg);
  Arrival& arrival = peer->arrivals.emplace_back();
  const auto* bytes = static_cast<const uint8_t*>(header);
  arrival.header.assign(bytes, bytes + header_length);
  arrival.length = length;
  arrival.attributes = param->recv_attr;
  if (param->recv_attr & (UCP_AM_RECV_ATTR_FLAG_DATA | UCP_AM_RECV_ATTR_FLAG_RNDV)) {
    arrival.data = data;  // kept: released with ucp_am_data_release or fetched
    return UCS_INPROGRESS;
  }
  const auto* payload = static_cast<const uint8_t*>(data);
  if (length > 0) arrival.inline_data.assign(payload, payload + length);
  return UCS_OK;
}

void on_connection_request(ucp_conn_request_h request, void* arg) {
  auto* peer = static_cast<UcxContext::Peer*>(arg);
  if (peer->ep != nullptr || peer->conn_request != nullptr) {
    // One peer at a time, as GXF's receiver: a second transmitter is refused.
    GXF_LOG_ERROR("UcxReceiver '%s': refused a second connection (one peer at a time)",
                  peer->name.c_str());
    const UcxApi* api = UcxApi::get();
    api->listener_reject(peer->listener, request);
    return;
  }
  peer->conn_request = request;
}

// Waits (progressing `worker`) until `request` completes; for teardown only.
void finish(const UcxApi* api, ucp_worker_h worker, void* request) {
  if (request == nullptr || ucs_ptr_is_err(request)) return;
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (api->request_check_status(request) == UCS_INPROGRESS && Clock::now() < deadline) {
    if (api->worker_progress(worker) == 0) std::this_thread::yield();
  }
  api->request_free(request);
}

}  // namespace

UcxContext::UcxContext() = default;

UcxContext::~UcxContext() { stop(); }

gxf_result_t UcxContext::register_interface(Registrar* registrar) {
  registrar->parameter(serializer_, "serializer", "Entity Serializer",
                       "Serializer of the messages (UcxEntitySerializer)");
  registrar->parameter(reconnect_, "reconnect", "Reconnect",
                       "Try to reconnect if a connection is closed during run", true);
  registrar->parameter(cpu_data_only_, "cpu_data_only", "CPU data only",
                       "If true, the UCX context will only support transmission of CPU (host) "
                       "data.",
                       false);
  registrar->parameter(enable_async_, "enable_async", "enable asynchronous transmit/receive",
                       "If true, UCX transmit and receive will queue messages to be sent "
                       "asynchronously.",
                       true);
  registrar->parameter(shutdown_timeout_ms_, "shutdown_timeout_ms", "Shutdown timeout",
                       "How long stopping waits for messages still on their way (ms)",
                       uint64_t{2000});
  return GXF_SUCCESS;
}

gxf_result_t UcxContext::initialize() {
  Result started = start();
  if (!started) return fail_with(*this, started.error());
  initialized_ = true;
  wake();  // for messages that arrived meanwhile
  return GXF_SUCCESS;
}

gxf_result_t UcxContext::deinitialize() {
  stop();
  initialized_ = false;
  return GXF_SUCCESS;
}

Expected<UcxContext*> UcxContext::find(const Component& component) {
  if (auto* own = component.entity()->find<UcxContext>()) return own;
  UcxContext* found = nullptr;
  for (Entity* entity : component.context()->graph_entities()) {
    for (UcxContext* candidate : entity->find_all<UcxContext>()) {
      if (found && found != candidate) {
        return make_error(GXF_ARGUMENT_INVALID,
                          "the graph has several UcxContexts; put the one to use in the entity "
                          "of '" + component.name() + "'");
      }
      found = candidate;
    }
  }
  if (!found) {
    return make_error(GXF_ARGUMENT_INVALID,
                      "the graph has no nvidia::gxf::UcxContext (with a UcxEntitySerializer as "
                      "its 'serializer'); UCX transmitters and receivers need one");
  }
  return found;
}

Result UcxContext::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (ucp_) return Result();
  api_ = UcxApi::get();
  if (!api_) return make_error(GXF_FAILURE, UcxApi::why_unavailable());
  // A receiver restarted on its port must be able to listen again while the old connection
  // lingers in TIME_WAIT (UCX's default is not to reuse); a value the user set wins.
  setenv("UCX_TCP_CM_REUSEADDR", "y", 0);
  ucp_params_t params{};
  params.field_mask = UCP_PARAM_FIELD_FEATURES | UCP_PARAM_FIELD_MT_WORKERS_SHARED |
                      UCP_PARAM_FIELD_NAME;
  params.features = UCP_FEATURE_AM | UCP_FEATURE_WAKEUP;
  params.mt_workers_shared = 1;
  params.name = "gxf";
  const ucs_status_t status =
      api_->init_version(api_->version[0], api_->version[1], &params, nullptr, &ucp_);
  if (status != UCS_OK) {
    ucp_ = nullptr;
    return make_error(GXF_FAILURE,
                      std::string("UCX initialization failed: ") + api_->status_string(status));
  }
  // Device tensors go as they are when UCX can move device memory (its CUDA transports
  // loaded: a GPU, and a UCX built with CUDA) and cpu_data_only is off; else through host
  // copies.
  // GXF_UCX_DEVICE_STAGING=1 forces the copies (to compare, or to work around a transport).
  ucp_context_attr_t attributes{};
  attributes.field_mask = UCP_ATTR_FIELD_MEMORY_TYPES;
  const char* staging = std::getenv("GXF_UCX_DEVICE_STAGING");
  device_direct_ = !cpu_data_only_.get() && api_->context_query(ucp_, &attributes) == UCS_OK &&
                   (attributes.memory_types & (uint64_t{1} << UCS_MEMORY_TYPE_CUDA)) != 0 &&
                   !(staging && *staging && std::string(staging) != "0");
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
  GXF_LOG_INFO("%s: UCX %u.%u.%u from %s; device tensors %s", describe().c_str(),
               api_->version[0], api_->version[1], api_->version[2], api_->library.c_str(),
               device_direct_ ? "sent directly (UCX CUDA transport)"
                              : "staged through host memory");
  return Result();
}

void UcxContext::stop() {
  {
    // Deactivated before its transmitters (entities go in reverse order): they still get
    // shutdown_timeout_ms to send what is queued.
    std::unique_lock<std::mutex> lock(mutex_);
    if (!ucp_) return;
    const auto timeout = std::chrono::milliseconds(shutdown_timeout_ms_.get());
    for (auto& peer : peers_) {
      peer->leaving = true;
      peer->leave_deadline = Clock::now() + timeout;
    }
    wake();
    changed_.wait_for(lock, timeout + std::chrono::seconds(1), [&] { return peers_.empty(); });
    stopping_ = true;
  }
  wake();
  if (thread_.joinable()) thread_.join();
  for (auto& peer : peers_) close_peer(peer.get());
  peers_.clear();
  changed_.notify_all();
  api_->cleanup(ucp_);
  ucp_ = nullptr;
  if (wake_fd_ >= 0) close(wake_fd_);
  wake_fd_ = -1;
}

void UcxContext::wake() {
  const uint64_t one = 1;
  if (wake_fd_ >= 0) (void)!write(wake_fd_, &one, sizeof(one));
}

Result UcxContext::add_peer(std::unique_ptr<Peer> peer) {
  ucp_worker_params_t params{};
  params.field_mask = UCP_WORKER_PARAM_FIELD_THREAD_MODE;
  // Each worker is used by one thread at a time: the caller here, then the context's thread.
  params.thread_mode = UCS_THREAD_MODE_SERIALIZED;
  ucs_status_t status = api_->worker_create(ucp_, &params, &peer->worker);
  if (status == UCS_OK) status = api_->worker_get_efd(peer->worker, &peer->efd);
  if (status != UCS_OK) {
    if (peer->worker) api_->worker_destroy(peer->worker);
    return make_error(GXF_FAILURE, std::string("cannot create a UCX worker: ") +
                                       api_->status_string(status));
  }
  if (peer->rx) {
    auto address = socket_address(peer->rx->address(), peer->rx->port());
    if (!address) {
      api_->worker_destroy(peer->worker);
      return address.error();
    }
    ucp_am_handler_param_t handler{};
    handler.field_mask = UCP_AM_HANDLER_PARAM_FIELD_ID | UCP_AM_HANDLER_PARAM_FIELD_CB |
                         UCP_AM_HANDLER_PARAM_FIELD_ARG;
    handler.id = kActiveMessageId;
    handler.cb = on_active_message;
    handler.arg = peer.get();
    status = api_->worker_set_am_recv_handler(peer->worker, &handler);
    ucp_listener_params_t listen{};
    listen.field_mask = UCP_LISTENER_PARAM_FIELD_SOCK_ADDR | UCP_LISTENER_PARAM_FIELD_CONN_HANDLER;
    listen.sockaddr.addr = reinterpret_cast<const sockaddr*>(&address.value());
    listen.sockaddr.addrlen = sizeof(sockaddr_storage);
    listen.conn_handler.cb = on_connection_request;
    listen.conn_handler.arg = peer.get();
    if (status == UCS_OK) status = api_->listener_create(peer->worker, &listen, &peer->listener);
    if (status != UCS_OK) {
      api_->worker_destroy(peer->worker);
      return make_error(GXF_FAILURE, "cannot listen on " + peer->rx->listen_name() + ": " +
                                         api_->status_string(status));
    }
    GXF_LOG_INFO("UcxReceiver '%s': listening on %s", peer->name.c_str(),
                 peer->rx->listen_name().c_str());
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (peer->tx) peer->tx->link = peer.get();
  if (peer->rx) peer->rx->link = peer.get();
  peers_.push_back(std::move(peer));
  wake();
  return Result();
}

Result UcxContext::attach(UcxReceiver* receiver) {
  Result started = start();
  if (!started) return started;
  auto peer = std::make_unique<Peer>();
  peer->rx = receiver;
  peer->name = receiver->entity()->name() + "/" + receiver->name();
  return add_peer(std::move(peer));
}

Result UcxContext::attach(UcxTransmitter* transmitter) {
  Result started = start();
  if (!started) return started;
  auto address = socket_address(transmitter->receiver_address(), transmitter->port());
  if (!address) return address.error();
  auto peer = std::make_unique<Peer>();
  peer->tx = transmitter;
  peer->name = transmitter->entity()->name() + "/" + transmitter->name();
  peer->next_attempt = Clock::now();
  return add_peer(std::move(peer));
}

void UcxContext::remove(Peer* peer) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!ucp_ || std::none_of(peers_.begin(), peers_.end(),
                            [&](const auto& known) { return known.get() == peer; })) {
    return;
  }
  peer->leaving = true;
  peer->leave_deadline = Clock::now() + std::chrono::milliseconds(shutdown_timeout_ms_.get());
  wake();
  // The thread closes the peer once its messages are out (or the deadline passed).
  changed_.wait(lock, [&] {
    return std::none_of(peers_.begin(), peers_.end(),
                        [&](const auto& known) { return known.get() == peer; });
  });
}

void UcxContext::detach(UcxReceiver* receiver) {
  if (receiver->link) remove(receiver->link);
  receiver->link = nullptr;
}

void UcxContext::detach(UcxTransmitter* transmitter) {
  if (transmitter->link) remove(transmitter->link);
  transmitter->link = nullptr;
}

Result UcxContext::wait_connected(UcxTransmitter* transmitter) {
  Peer* peer = transmitter->link;
  if (!peer) return make_error(GXF_FAILURE, "not attached to a UcxContext");
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] {
    return peer->link_up || !peer->failure.empty() || stopping_;
  });
  if (!peer->failure.empty()) return make_error(GXF_FAILURE, peer->failure);
  if (stopping_) return make_error(GXF_FAILURE, "the UcxContext is stopping");
  return Result();
}

Result UcxContext::send(UcxTransmitter* transmitter, const EntityRef& message) {
  Peer* peer = transmitter->link;
  if (!peer) return make_error(GXF_FAILURE, "not attached to a UcxContext");
  std::unique_ptr<Send> send;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    // Back-pressure: at most capacity + kMaxInFlight messages wait or travel at once.
    const size_t limit = transmitter->capacity() + UcxTransmitter::kMaxInFlight;
    changed_.wait(lock, [&] { return peer->pending < limit || !peer->failure.empty() || stopping_; });
    if (!peer->failure.empty()) return make_error(GXF_FAILURE, peer->failure);
    if (stopping_) return make_error(GXF_FAILURE, "the UcxContext is stopping");
    if (!peer->spare.empty()) {
      send = std::move(peer->spare.back());
      peer->spare.pop_back();
    }
  }
  if (!send) send = std::make_unique<Send>();
  UcxSerializationBuffer* buffer = transmitter->buffer();
  {
    std::lock_guard<std::mutex> lock(serializer_mutex_);
    buffer->reset();
    auto size = serializer()->serialize_entity(*message.get(), buffer);
    if (!size) return size.error();
  }
  send->message = message;
  send->header.assign(buffer->bytes(), buffer->bytes() + buffer->size());
  send->data.assign(buffer->data().begin(), buffer->data().end());
  send->memory_type = buffer->memory_type();
  if (send->memory_type == UCS_MEMORY_TYPE_CUDA && (!device_direct_ || buffer->mixed_memory())) {
    // UCX without its CUDA transport (or a message of host and device tensors, while UCX
    // takes one memory type per message): the tensors go through one host copy.
    send->staging.resize(buffer->data_size());
    uint8_t* target = send->staging.data();
    for (size_t i = 0; i < send->data.size(); ++i) {
      const ucp_dt_iov_t& part = send->data[i];
      const gxf_result_t copied =
          copy_storage(target, MemoryStorageType::kSystem, part.buffer,
                       buffer->on_device(i) ? MemoryStorageType::kDevice
                                            : MemoryStorageType::kSystem,
                       part.length);
      if (copied != GXF_SUCCESS) {
        return make_error(copied, "copying a device tensor to host memory to send it");
      }
      target += part.length;
    }
    send->data.assign(1, ucp_dt_iov_t{send->staging.data(), send->staging.size()});
    send->memory_type = UCS_MEMORY_TYPE_HOST;
  }
  send->request = nullptr;
  send->done = false;
  send->status = UCS_OK;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    peer->queue.push_back(std::move(send));
    ++peer->pending;
  }
  wake();
  return Result();
}

void UcxContext::run() {
  while (!stopping_.load()) {
    if (!progress_once()) wait_for_events(100);
  }
}

bool UcxContext::progress_once() {
  std::vector<Peer*> peers;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& peer : peers_) peers.push_back(peer.get());
  }
  bool busy = false;
  for (Peer* peer : peers) {
    while (api_->worker_progress(peer->worker) != 0) busy = true;
    if (peer->rx) {
      const size_t before = peer->arrivals.size() + peer->receiving.size();
      busy |= peer->conn_request != nullptr;
      serve_receiver(peer);
      busy |= peer->arrivals.size() + peer->receiving.size() != before;
    } else {
      serve_transmitter(peer);
    }
    bool leave = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      // Messages still queued or travelling get until the deadline (shutdown_timeout_ms).
      leave = peer->leaving && (peer->pending == 0 || peer->link == Peer::Link::kFailed ||
                                Clock::now() >= peer->leave_deadline);
    }
    if (leave) {
      close_peer(peer);
      std::lock_guard<std::mutex> lock(mutex_);
      peers_.erase(std::find_if(peers_.begin(), peers_.end(),
                                [&](const auto& known) { return known.get() == peer; }));
      changed_.notify_all();
    }
  }
  return busy;
}

void UcxContext::wait_for_events(int timeout_ms) {
  std::vector<pollfd> fds;
  fds.push_back({wake_fd_, POLLIN, 0});
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& peer : peers_) {
      // A worker with events pending would not signal its fd: go round again instead.
      if (api_->worker_arm(peer->worker) == UCS_ERR_BUSY) return;
      fds.push_back({peer->efd, POLLIN, 0});
    }
  }
  poll(fds.data(), fds.size(), timeout_ms);
  uint64_t count;
  (void)!read(wake_fd_, &count, sizeof(count));
}

void UcxContext::drop_connection(Peer* peer, const std::string& why, bool graceful) {
  const bool connected = peer->ep != nullptr;
  for (Arrival& arrival : peer->arrivals) {
    if (arrival.data) api_->am_data_release(peer->worker, arrival.data);
  }
  peer->arrivals.clear();
  // Messages whose data is all here were delivered as far as the sender knows: keep them.
  deliver_received(peer);
  for (auto& receiving : peer->receiving) {
    if (receiving->request && !receiving->done) api_->request_cancel(peer->worker, receiving->request);
  }
  for (auto& receiving : peer->receiving) finish(api_, peer->worker, receiving->request);
  peer->receiving.clear();
  if (peer->ep) {
    // Graceful: the peer finishes fetching what was sent (rendezvous data travels after the
    // sender's request completed on some transports) before the connection goes.
    ucp_request_param_t close{};
    close.op_attr_mask = UCP_OP_ATTR_FIELD_FLAGS;
    close.flags = graceful ? 0 : UCP_EP_CLOSE_FLAG_FORCE;
    finish(api_, peer->worker, api_->ep_close_nbx(peer->ep, &close));
  }
  peer->ep = nullptr;
  peer->ep_failed = false;
  if (peer->rx && connected && !why.empty()) {
    GXF_LOG_WARNING("UcxReceiver '%s': connection closed (%s); %s", peer->name.c_str(),
                    why.c_str(),
                    reconnect() ? "waiting for the peer to connect again" : "not reconnecting");
  }
}

void UcxContext::serve_receiver(Peer* peer) {
  if (peer->conn_request && !peer->ep) {
    ucp_conn_request_h request = peer->conn_request;
    peer->conn_request = nullptr;
    if (!reconnect() && peer->rx->connections.load() > 0) {
      api_->listener_reject(peer->listener, request);
    } else {
      ucp_ep_params_t params{};
      params.field_mask = UCP_EP_PARAM_FIELD_CONN_REQUEST | UCP_EP_PARAM_FIELD_ERR_HANDLER |
                          UCP_EP_PARAM_FIELD_ERR_HANDLING_MODE;
      params.conn_request = request;
      params.err_mode = UCP_ERR_HANDLING_MODE_PEER;
      params.err_handler.cb = on_endpoint_error;
      params.err_handler.arg = peer;
      const ucs_status_t status = api_->ep_create(peer->worker, &params, &peer->ep);
      if (status != UCS_OK) {
        peer->ep = nullptr;
        GXF_LOG_ERROR("UcxReceiver '%s': cannot accept a connection: %s", peer->name.c_str(),
                      api_->status_string(status));
      } else {
        peer->rx->connections++;
        GXF_LOG_INFO("UcxReceiver '%s': peer connected", peer->name.c_str());
      }
    }
  }
  // Until the context itself is initialized, arrivals wait: a receiver in an entity before
  // the context's starts listening first, and a message that came then would meet a
  // serializer not yet initialized (and be refused as malformed).
  while (peer->ep && !peer->arrivals.empty() && initialized_) {
    if (peer->receiving.size() >= peer->rx->room()) {
      // Held back until the graph takes messages: the sender's requests stay open, so it
      // slows down (flow control) instead of this queue overflowing.
      peer->rx->waiting_for_room = true;
      if (peer->receiving.size() < peer->rx->room()) continue;  // took one meanwhile
      break;
    }
    take_message(peer);
  }
  deliver_received(peer);
  // After the messages that came before the connection failed.
  if (peer->ep_failed) {
    drop_connection(peer, std::string("peer went away: ") + api_->status_string(peer->ep_status));
  }
}

void UcxContext::deliver_received(Peer* peer) {
  while (!peer->receiving.empty() && peer->receiving.front()->done) {
    auto receiving = std::move(peer->receiving.front());
    peer->receiving.pop_front();
    if (receiving->request) api_->request_free(receiving->request);
    if (receiving->status == UCS_OK && !receiving->staging.empty()) {
      receiving->status = scatter(receiving->staging.data(), *receiving);
    }
    if (receiving->status == UCS_OK) {
      peer->rx->deliver(receiving->message);
    } else {
      GXF_LOG_ERROR("UcxReceiver '%s': receiving a message's tensors failed: %s",
                    peer->name.c_str(), api_->status_string(receiving->status));
    }
  }
}

void UcxContext::take_message(Peer* peer) {
  Arrival arrival = std::move(peer->arrivals.front());
  peer->arrivals.pop_front();
  UcxSerializationBuffer* buffer = peer->rx->buffer();
  Expected<EntityRef> message = make_error(GXF_FAILURE);
  {
    std::lock_guard<std::mutex> lock(serializer_mutex_);
    buffer->reset();
    auto written = buffer->write(arrival.header.data(), arrival.header.size());
    buffer->expect_data(arrival.length);
    message = written ? serializer()->deserialize_entity(buffer) : Expected<EntityRef>(written.error());
    if (message && buffer->data_size() != arrival.length) {
      message = make_error(GXF_INVALID_DATA_FORMAT,
                           "its headers announce " + std::to_string(buffer->data_size()) +
                               " bytes of tensor data but it carries " +
                               std::to_string(arrival.length));
    }
    if (message && buffer->readable() != 0) {
      message = make_error(GXF_INVALID_DATA_FORMAT,
                           std::to_string(buffer->readable()) + " bytes follow its last component");
    }
  }
  if (!message) {
    peer->rx->malformed++;
    GXF_LOG_ERROR("UcxReceiver '%s': refused a malformed message (%s)", peer->name.c_str(),
                  message.error().what().c_str());
    if (arrival.data) api_->am_data_release(peer->worker, arrival.data);
    drop_connection(peer, "malformed message");
    return;
  }
  auto receiving = std::make_unique<Receiving>();
  receiving->message = std::move(message.value());
  receiving->parts.assign(buffer->data().begin(), buffer->data().end());
  for (size_t i = 0; i < receiving->parts.size(); ++i) {
    receiving->on_device.push_back(buffer->on_device(i));
  }
  const auto& parts = receiving->parts;
  if (arrival.length == 0) {
    if (arrival.data) api_->am_data_release(peer->worker, arrival.data);
    receiving->done = true;
  } else if (arrival.attributes & UCP_AM_RECV_ATTR_FLAG_RNDV) {
    ucp_request_param_t params{};
    params.op_attr_mask = UCP_OP_ATTR_FIELD_CALLBACK | UCP_OP_ATTR_FIELD_USER_DATA |
                          UCP_OP_ATTR_FIELD_DATATYPE | UCP_OP_ATTR_FIELD_MEMORY_TYPE;
    params.cb.recv_am = on_receive_done;
    params.user_data = receiving.get();
    params.datatype = parts.size() == 1 ? ucp_dt_make_contig(1) : UCP_DATATYPE_IOV;
    params.memory_type = buffer->memory_type();
    void* target = parts.size() == 1 ? parts[0].buffer : const_cast<ucp_dt_iov_t*>(parts.data());
    size_t count = parts.size() == 1 ? parts[0].length : parts.size();
    if (params.memory_type == UCS_MEMORY_TYPE_CUDA &&
        (!device_direct_ || buffer->mixed_memory())) {
      // As on the sending side: into host memory first, then to the tensors (on completion).
      receiving->staging.resize(arrival.length);
      params.datatype = ucp_dt_make_contig(1);
      params.memory_type = UCS_MEMORY_TYPE_HOST;
      target = receiving->staging.data();
      count = receiving->staging.size();
    }
    void* request = api_->am_recv_data_nbx(peer->worker, arrival.data, target, count, &params);
    if (request == nullptr) {
      receiving->done = true;
    } else if (ucs_ptr_is_err(request)) {
      receiving->done = true;
      receiving->status = ucs_ptr_status(request);
    } else {
      receiving->request = request;
    }
  } else {
    // Eager data, here already: scatter it into the tensors.
    const uint8_t* source = arrival.data ? static_cast<const uint8_t*>(arrival.data)
                                         : arrival.inline_data.data();
    receiving->status = scatter(source, *receiving);
    if (arrival.data) api_->am_data_release(peer->worker, arrival.data);
    receiving->done = true;
  }
  peer->receiving.push_back(std::move(receiving));
}

void UcxContext::connect(Peer* peer) {
  UcxTransmitter* tx = peer->tx;
  auto remote = socket_address(tx->receiver_address(), tx->port());
  auto local = socket_address(tx->local_address(), tx->local_port());
  ucp_ep_params_t params{};
  params.field_mask = UCP_EP_PARAM_FIELD_FLAGS | UCP_EP_PARAM_FIELD_SOCK_ADDR |
                      UCP_EP_PARAM_FIELD_ERR_HANDLER | UCP_EP_PARAM_FIELD_ERR_HANDLING_MODE;
  params.flags = UCP_EP_PARAMS_FLAGS_CLIENT_SERVER;
  params.err_mode = UCP_ERR_HANDLING_MODE_PEER;
  params.err_handler.cb = on_endpoint_error;
  params.err_handler.arg = peer;
  params.sockaddr.addr = reinterpret_cast<const sockaddr*>(&remote.value());
  params.sockaddr.addrlen = sizeof(sockaddr_storage);
  if (local && (tx->local_port() != 0 || tx->local_address() != "0.0.0.0")) {
    params.field_mask |= UCP_EP_PARAM_FIELD_LOCAL_SOCK_ADDR;
    params.local_sockaddr.addr = reinterpret_cast<const sockaddr*>(&local.value());
    params.local_sockaddr.addrlen = sizeof(sockaddr_storage);
  }
  ++peer->attempts;
  peer->ep_failed = false;
  peer->flush_done = false;
  peer->flush_status = UCS_OK;
  const ucs_status_t status = api_->ep_create(peer->worker, &params, &peer->ep);
  if (status != UCS_OK) {
    peer->ep = nullptr;
    peer->flush_done = true;
    peer->flush_status = status;
  } else {
    // The connection is up once a flush of the new endpoint completes.
    ucp_request_param_t flush{};
    flush.op_attr_mask = UCP_OP_ATTR_FIELD_CALLBACK | UCP_OP_ATTR_FIELD_USER_DATA;
    flush.cb.send = on_flush_done;
    flush.user_data = peer;
    void* request = api_->ep_flush_nbx(peer->ep, &flush);
    if (request == nullptr || ucs_ptr_is_err(request)) {
      peer->flush_done = true;
      peer->flush_status = request ? ucs_ptr_status(request) : UCS_OK;
    } else {
      peer->flush_request = request;
    }
  }
  peer->link = Peer::Link::kConnecting;
}

void UcxContext::serve_transmitter(Peer* peer) {
  UcxTransmitter* tx = peer->tx;
  if (peer->link == Peer::Link::kUp && peer->ep_failed) {
    GXF_LOG_WARNING("UcxTransmitter '%s': connection to %s lost (%s)%s", peer->name.c_str(),
                    tx->peer_name().c_str(), api_->status_string(peer->ep_status),
                    reconnect() ? "; reconnecting" : "");
    drop_connection(peer, "");
    peer->link = Peer::Link::kDown;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      peer->link_up = false;
    }
    peer->attempts = 0;
    peer->next_attempt = Clock::now();
    if (!reconnect()) {
      peer->link = Peer::Link::kFailed;
      std::lock_guard<std::mutex> lock(mutex_);
      peer->failure = "connection to " + tx->peer_name() + " lost (reconnect is off)";
      changed_.notify_all();
    }
  }
  if (peer->link == Peer::Link::kDown && Clock::now() >= peer->next_attempt) connect(peer);
  if (peer->link == Peer::Link::kConnecting && peer->flush_done) {
    if (peer->flush_request) api_->request_free(peer->flush_request);
    peer->flush_request = nullptr;
    if (peer->flush_status == UCS_OK && !peer->ep_failed) {
      peer->link = Peer::Link::kUp;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        peer->link_up = true;
        changed_.notify_all();
      }
      if (peer->was_up) tx->reconnections++;
      peer->was_up = true;
      GXF_LOG_INFO("UcxTransmitter '%s': connected to %s", peer->name.c_str(),
                   tx->peer_name().c_str());
    } else {
      const ucs_status_t why = peer->ep_failed ? peer->ep_status : peer->flush_status;
      drop_connection(peer, "");
      peer->link = Peer::Link::kDown;
      peer->next_attempt = Clock::now() + kRetryInterval;
      if (peer->attempts >= tx->maximum_connection_retries()) {
        peer->link = Peer::Link::kFailed;
        std::lock_guard<std::mutex> lock(mutex_);
        peer->failure = "no UcxReceiver answered at " + tx->peer_name() + " after " +
                        std::to_string(peer->attempts) + " attempt(s), one a second (last: " +
                        api_->status_string(why) + "); is the receiving graph running?";
        changed_.notify_all();
        GXF_LOG_ERROR("UcxTransmitter '%s': %s", peer->name.c_str(), peer->failure.c_str());
      }
    }
  }
  if (peer->link == Peer::Link::kUp) {
    std::deque<std::unique_ptr<Send>> ready;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ready.swap(peer->queue);
    }
    for (auto& send : ready) {
      ucp_request_param_t params{};
      params.op_attr_mask = UCP_OP_ATTR_FIELD_CALLBACK | UCP_OP_ATTR_FIELD_USER_DATA |
                            UCP_OP_ATTR_FIELD_FLAGS | UCP_OP_ATTR_FIELD_DATATYPE |
                            UCP_OP_ATTR_FIELD_MEMORY_TYPE;
      params.cb.send = on_send_done;
      params.user_data = send.get();
      // Rendezvous, as GXF sends: completion then means the receiver has the data.
      params.flags = UCP_AM_SEND_FLAG_RNDV;
      params.memory_type = send->memory_type;
      const auto& parts = send->data;
      params.datatype = parts.size() == 1 || parts.empty() ? ucp_dt_make_contig(1) : UCP_DATATYPE_IOV;
      const void* buffer = parts.empty() ? nullptr
                           : parts.size() == 1 ? parts[0].buffer
                                               : static_cast<const void*>(parts.data());
      const size_t count = parts.empty() ? 0 : parts.size() == 1 ? parts[0].length : parts.size();
      void* request = api_->am_send_nbx(peer->ep, kActiveMessageId, send->header.data(),
                                        send->header.size(), buffer, count, &params);
      if (request == nullptr) {
        send->done = true;
      } else if (ucs_ptr_is_err(request)) {
        send->done = true;
        send->status = ucs_ptr_status(request);
      } else {
        send->request = request;
      }
      peer->in_flight.push_back(std::move(send));
    }
  }
  size_t finished = 0;
  while (!peer->in_flight.empty() && peer->in_flight.front()->done) {
    std::unique_ptr<Send> send = std::move(peer->in_flight.front());
    peer->in_flight.pop_front();
    if (send->request) api_->request_free(send->request);
    if (send->status == UCS_OK) {
      tx->sent++;
    } else {
      if (tx->lost++ == 0 || send->status != UCS_ERR_CANCELED) {
        GXF_LOG_WARNING("UcxTransmitter '%s': a message to %s was lost: %s", peer->name.c_str(),
                        tx->peer_name().c_str(), api_->status_string(send->status));
      }
    }
    send->message.reset();
    std::lock_guard<std::mutex> lock(mutex_);
    peer->spare.push_back(std::move(send));
    --peer->pending;
    ++finished;
  }
  if (finished) changed_.notify_all();
}

void UcxContext::close_peer(Peer* peer) {
  // Messages never sent count as lost.
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (peer->tx && !peer->queue.empty()) {
      GXF_LOG_WARNING("UcxTransmitter '%s': %zu message(s) not sent before stopping",
                      peer->name.c_str(), peer->queue.size());
      peer->tx->lost += peer->queue.size();
      peer->pending -= peer->queue.size();
      peer->queue.clear();
    }
  }
  drop_connection(peer, "", peer->tx && peer->link == Peer::Link::kUp && !peer->ep_failed);
  for (auto& send : peer->in_flight) {
    if (!send->done) peer->tx->lost++;
    finish(api_, peer->worker, send->request);
  }
  peer->in_flight.clear();
  if (peer->flush_request) finish(api_, peer->worker, peer->flush_request);
  peer->flush_request = nullptr;
  if (peer->listener) api_->listener_destroy(peer->listener);
  peer->listener = nullptr;
  api_->worker_destroy(peer->worker);
  peer->worker = nullptr;
  if (peer->tx) peer->tx->link = nullptr;
  if (peer->rx) peer->rx->link = nullptr;
}

}  // namespace gxf
}  // namespace nvidia
