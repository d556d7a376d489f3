// SPDX-License-Identifier: Apache-2.0
#include "gxf/cuda/cuda_scheduling_terms.hpp"

#include "gxf/core/context.hpp"
#include "gxf/cuda/cuda_buffer.hpp"
#include "gxf/cuda/cuda_event.hpp"
#include "gxf/cuda/cuda_stream.hpp"
#include "gxf/cuda/cuda_stream_id.hpp"

namespace nvidia {
namespace gxf {

namespace {

using T = SchedulingConditionType;

// How long to wait before polling a pending CUDA event again.
constexpr int64_t kEventPollNs = 50'000;

// The next message of a receiver: the main stage first, then the back stage.
EntityRef front_of(Receiver* receiver) {
  if (receiver->size() > 0) return receiver->peek(0);
  if (receiver->back_size() > 0) return receiver->peek_back(0);
  return EntityRef();
}

}  // namespace

gxf_result_t CudaCallbackSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(receiver_, "receiver", "Receiver queue",
                       "The receiver whose front message's GPU work is waited for");
  return GXF_SUCCESS;
}

EntityRef CudaCallbackSchedulingTerm::front_message() const {
  return front_of(receiver_.get().get());
}

void CudaCallbackSchedulingTerm::on_stream_done(void* term) {
  auto* self = static_cast<CudaCallbackSchedulingTerm*>(term);
  State expected = State::kCallbackRegistered;
  self->state_.compare_exchange_strong(expected, State::kDataAvailable);
  if (Runtime* runtime = self->context()->runtime()) {
    Result ignored = runtime->notify(self->eid(), EventType::kExternal);
    (void)ignored;
  }
}

gxf_result_t CudaCallbackSchedulingTerm::update_state(int64_t now) {
  if (state_.load() != State::kUnset) return GXF_SUCCESS;
  EntityRef message = front_message();
  if (!message) return GXF_SUCCESS;
  message_eid_ = message.eid();
  void* stream = nullptr;
  gxf_result_t code = stream_of(message.get(), &stream);
  if (code != GXF_SUCCESS) return code;
  if (!stream) {
    state_ = State::kDataAvailable;
    return GXF_SUCCESS;
  }
  watched_stream_ = stream;
  state_ = State::kCallbackRegistered;
  code = CudaDriver::instance().launch_host_function(stream, &on_stream_done, this);
  if (code != GXF_SUCCESS) state_ = State::kUnset;
  return code;
}

gxf_result_t CudaCallbackSchedulingTerm::check(int64_t now, SchedulingCondition* condition) {
  switch (state_.load()) {
    case State::kDataAvailable: *condition = {T::kReady, now}; break;
    case State::kCallbackRegistered: *condition = {T::kWaitEvent, 0}; break;
    case State::kUnset: *condition = {T::kWait, 0}; break;
  }
  return GXF_SUCCESS;
}

gxf_result_t CudaCallbackSchedulingTerm::on_execute(int64_t now) {
  if (state_.load() != State::kDataAvailable) return GXF_SUCCESS;
  EntityRef message = front_message();
  if (!message || message.eid() != message_eid_) {  // the watched message was consumed
    state_ = State::kUnset;
    message_eid_ = kNullUid;
  }
  return GXF_SUCCESS;
}

gxf_result_t CudaCallbackSchedulingTerm::deinitialize() {
  if (state_.load() == State::kCallbackRegistered && watched_stream_) {
    CudaDriver::instance().stream_synchronize(watched_stream_);  // let the callback run first
  }
  state_ = State::kUnset;
  return GXF_SUCCESS;
}

gxf_result_t CudaStreamSchedulingTerm::stream_of(Entity* message, void** stream) {
  const CudaStreamId* stream_id = message->find<CudaStreamId>();
  if (!stream_id) return GXF_SUCCESS;
  CudaStream* cuda_stream = stream_id->stream();
  if (!cuda_stream) {
    return fail(GXF_FAILURE, "CudaStreamId of message %ld names no CudaStream",
                static_cast<long>(message->eid()));
  }
  *stream = cuda_stream->stream();
  return GXF_SUCCESS;
}

gxf_result_t CudaBufferAvailableSchedulingTerm::stream_of(Entity* message, void** stream) {
  const CudaBuffer* buffer = message->find<CudaBuffer>();
  if (!buffer || !buffer->stream()) return GXF_SUCCESS;
  *stream = buffer->stream()->stream();
  return GXF_SUCCESS;
}

gxf_result_t CudaEventSchedulingTerm::register_interface(Registrar* registrar) {
  registrar->parameter(receiver_, "receiver", "Receiver queue",
                       "The receiver whose front message's CudaEvent is waited for");
  registrar->parameter(event_name_, "event_name", "Event name",
                       "Name of the CudaEvent to wait for (empty: the first one)",
                       std::string(""));
  return GXF_SUCCESS;
}

gxf_result_t CudaEventSchedulingTerm::update_state(int64_t now) {
  EntityRef message = front_of(receiver_.get().get());
  if (!message) {
    condition_ = {T::kWait, 0};
    return GXF_SUCCESS;
  }
  const CudaEvent* event = event_name_.get().empty() ? message->find<CudaEvent>()
                                                     : message->find<CudaEvent>(event_name_.get());
  if (!event || !event->event()) {
    condition_ = {T::kWait, 0};
    return GXF_SUCCESS;
  }
  gxf_result_t code = CudaDriver::instance().event_query(event->event());
  if (code == GXF_NOT_FINISHED) {
    condition_ = {T::kWaitTime, now + kEventPollNs};
    return GXF_SUCCESS;
  }
  if (code != GXF_SUCCESS) return code;
  if (condition_.type != T::kReady) condition_ = {T::kReady, now};
  return GXF_SUCCESS;
}

gxf_result_t CudaEventSchedulingTerm::check(int64_t now, SchedulingCondition* condition) {
  *condition = condition_;
  return GXF_SUCCESS;
}

gxf_result_t CudaEventSchedulingTerm::on_execute(int64_t now) {
  condition_ = {T::kWait, 0};
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
