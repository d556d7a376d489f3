// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <string>

#include "gxf/core/parameter.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/scheduling_term.hpp"

namespace nvidia {
namespace gxf {

// Watches the front message of `receiver` and says READY once the GPU work it depends on is
// done, waking the entity through an event (WAIT_EVENT meanwhile) from a CUDA host callback.
// What it waits for is chosen by the subclass: the message's CudaStreamId stream, or the
// stream of its CudaBuffer. A message with neither is READY at once.
class CudaCallbackSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t deinitialize() override;
  gxf_result_t update_state(int64_t now) override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
  gxf_result_t on_execute(int64_t now) override;

 protected:
  // The stream to wait on for `message` (null: nothing to wait for); error codes fail.
  virtual gxf_result_t stream_of(Entity* message, void** stream) = 0;

 private:
  enum class State : int { kUnset, kCallbackRegistered, kDataAvailable };
  static void on_stream_done(void* term);
  EntityRef front_message() const;

  Parameter<Handle<Receiver>> receiver_;
  std::atomic<State> state_{State::kUnset};
  gxf_uid_t message_eid_ = kNullUid;
  void* watched_stream_ = nullptr;
};

// READY once the work queued on the front message's CudaStreamId stream completed.
class CudaStreamSchedulingTerm : public CudaCallbackSchedulingTerm {
 protected:
  gxf_result_t stream_of(Entity* message, void** stream) override;
};

// READY once the front message's CudaBuffer data is available.
class CudaBufferAvailableSchedulingTerm : public CudaCallbackSchedulingTerm {
 protected:
  gxf_result_t stream_of(Entity* message, void** stream) override;
};

// READY once the CudaEvent `event_name` (any when empty) of the front message completed;
// polls the event (WAIT_TIME shortly ahead) while it is pending, WAIT without a message.
class CudaEventSchedulingTerm : public SchedulingTerm {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t update_state(int64_t now) override;
  gxf_result_t check(int64_t now, SchedulingCondition* condition) override;
  gxf_result_t on_execute(int64_t now) override;

 private:
  Parameter<Handle<Receiver>> receiver_;
  Parameter<std::string> event_name_;
  SchedulingCondition condition_{SchedulingConditionType::kWait, 0};
};

}  // namespace gxf
}  // namespace nvidia
