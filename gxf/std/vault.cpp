// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/vault.hpp"

#include <algorithm>
#include <chrono>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t Vault::register_interface(Registrar* registrar) {
  registrar->parameter(source_, "source", "Source", "Receiver whose messages go to the vault");
  registrar->parameter(max_waiting_count_, "max_waiting_count", "Maximum waiting count",
                       "Messages that may wait; beyond it the codelet stops receiving");
  registrar->range(max_waiting_count_, 1, UINT64_MAX);
  registrar->parameter(drop_waiting_, "drop_waiting", "Drop waiting",
                       "Drop the oldest waiting messages to make room for new ones");
  registrar->parameter(callback_address_, "callback_address", "Callback address",
                       "Address of a std::function<void()> called after ticks", int64_t{0});
  registrar->parameter(enable_callback_, "enable_callback", "Enable callback",
                       "Call the callback after a tick that left messages waiting", false);
  return GXF_SUCCESS;
}

gxf_result_t Vault::initialize() {
  std::lock_guard<std::mutex> lock(mutex_);
  alive_ = true;
  return GXF_SUCCESS;
}

gxf_result_t Vault::deinitialize() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    alive_ = false;
    waiting_.clear();
    stored_.clear();
  }
  changed_.notify_all();
  return GXF_SUCCESS;
}

gxf_result_t Vault::start() {
  const int64_t address = callback_address_.get();
  if (address != 0) {
    // The address is the graph author's promise of a live std::function<void()>.
    auto* target = reinterpret_cast<Callback*>(address);
    set_callback([target] { (*target)(); });
  }
  return GXF_SUCCESS;
}

void Vault::take_messages() {
  const size_t max_waiting = max_waiting_count_.get();
  if (drop_waiting_.get()) {
    const size_t total = waiting_.size() + source_->size();
    const size_t drop = std::min(total > max_waiting ? total - max_waiting : 0, waiting_.size());
    waiting_.erase(waiting_.begin(), waiting_.begin() + static_cast<std::ptrdiff_t>(drop));
  }
  while (waiting_.size() < max_waiting) {
    EntityRef message = source_->receive();
    if (!message) break;
    waiting_.push_back(std::move(message));
  }
}

gxf_result_t Vault::tick() {
  Callback callback;
  bool any_waiting;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    take_messages();
    any_waiting = !waiting_.empty();
    callback = callback_;
  }
  changed_.notify_all();
  if (enable_callback_.get() && any_waiting) {
    if (callback) {
      callback();
    } else {
      GXF_LOG_DEBUG("%s: callback enabled but none set", describe().c_str());
    }
  }
  return GXF_SUCCESS;
}

std::vector<gxf_uid_t> Vault::store_locked(size_t max_count) {
  std::vector<gxf_uid_t> eids;
  if (!alive_) return eids;
  const size_t count = std::min(max_count, waiting_.size());
  eids.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    // Callers look the eids up (entity_get_name, component_find, Tensor.get_from_entity).
    context()->register_message(waiting_.front().get());
    eids.push_back(waiting_.front().eid());
    stored_.push_back(std::move(waiting_.front()));
    waiting_.pop_front();
  }
  return eids;
}

std::vector<gxf_uid_t> Vault::store_blocking(size_t count) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this, count] { return !alive_ || waiting_.size() >= count; });
  return store_locked(count);
}

std::vector<gxf_uid_t> Vault::store_blocking_for(size_t count, int64_t duration_ns) {
  if (duration_ns < 0) return {};
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_for(lock, std::chrono::nanoseconds(duration_ns),
                    [this, count] { return !alive_ || waiting_.size() >= count; });
  return store_locked(count);
}

std::vector<gxf_uid_t> Vault::store(size_t max_count) {
  std::lock_guard<std::mutex> lock(mutex_);
  return store_locked(max_count);
}

void Vault::free(const std::vector<gxf_uid_t>& eids) {
  std::lock_guard<std::mutex> lock(mutex_);
  stored_.erase(std::remove_if(stored_.begin(), stored_.end(),
                               [&eids](const EntityRef& message) {
                                 return std::find(eids.begin(), eids.end(), message.eid()) !=
                                        eids.end();
                               }),
                stored_.end());
}

void Vault::set_callback(Callback callback) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (callback_) GXF_LOG_WARNING("%s: replacing the callback", describe().c_str());
  callback_ = std::move(callback);
}

}  // namespace gxf
}  // namespace nvidia
