// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {

// Hands messages from a receiver to code outside the graph. Each tick moves received messages
// into a waiting list (at most max_waiting_count; with drop_waiting the oldest make room).
// store*() move waiting messages into the vault, keeping them alive, and return their eids;
// free() releases them. Deinitialize wakes every blocked caller, who then gets nothing.
class Vault : public Codelet {
 public:
  using Callback = std::function<void()>;

  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

  // Waits until `count` messages wait (or the vault closes), then stores up to `count`.
  std::vector<gxf_uid_t> store_blocking(size_t count);
  // As store_blocking, giving up waiting after `duration_ns`.
  std::vector<gxf_uid_t> store_blocking_for(size_t count, int64_t duration_ns);
  // Stores up to `max_count` of the waiting messages without waiting.
  std::vector<gxf_uid_t> store(size_t max_count);
  void free(const std::vector<gxf_uid_t>& eids);
  // Called after a tick that left messages waiting, when enable_callback is set.
  void set_callback(Callback callback);

 private:
  std::vector<gxf_uid_t> store_locked(size_t max_count);
  void take_messages();

  Parameter<Handle<Receiver>> source_;
  Parameter<uint64_t> max_waiting_count_;
  Parameter<bool> drop_waiting_;
  Parameter<int64_t> callback_address_;
  Parameter<bool> enable_callback_;

  std::mutex mutex_;
  std::condition_variable changed_;
  bool alive_ = false;
  std::deque<EntityRef> waiting_;
  std::vector<EntityRef> stored_;
  Callback callback_;
};

}  // namespace gxf
}  // namespace nvidia
