// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/mock_codelet.hpp"

#include <chrono>
#include <thread>

#include "extensions/test/frame.hpp"
#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {

namespace {

constexpr const char* kLatency = "LATENCY";

double to_ms(int64_t ns) { return static_cast<double>(ns) * 1e-6; }

}  // namespace

gxf_result_t MockCodelet::register_interface(Registrar* registrar) {
  registrar->parameter(mode_, "mode", "Mode", "SRC, PROCESS or SINK", std::string("PROCESS"));
  registrar->parameter(receiver_, "receiver", "Receiver", "Messages in (PROCESS, SINK)",
                       kParameterFlagsOptional);
  registrar->parameter(transmitter_, "transmitter", "Transmitter", "Messages out (SRC, PROCESS)",
                       kParameterFlagsOptional);
  registrar->parameter(clock_, "clock", "Clock", "Clock for the frame timestamps");
  registrar->parameter(duration_lower_ms_, "duration_lower_ms", "Tick duration lower bound [ms]",
                       "-1: no simulated work", int32_t{-1});
  registrar->parameter(duration_upper_ms_, "duration_upper_ms", "Tick duration upper bound [ms]",
                       "-1: no simulated work", int32_t{-1});
  registrar->parameter(include_mock_latency_, "include_mock_latency", "Include mock latency",
                       "Count the simulated work in the logged latency", false);
  return GXF_SUCCESS;
}

gxf_result_t MockCodelet::start() {
  const int32_t lower = duration_lower_ms_.get();
  const int32_t upper = duration_upper_ms_.get();
  if (lower > upper) {
    return fail(GXF_FAILURE, "duration_lower_ms %d is above duration_upper_ms %d", lower, upper);
  }
  generator_.reset();
  if (lower != -1 && upper != -1) {
    generator_ = std::make_unique<std::mt19937>(std::random_device()());
  }
  return GXF_SUCCESS;
}

gxf_result_t MockCodelet::tick() {
  const std::string& mode = mode_.get();
  if (mode == "SRC") return tick_source();
  if (mode == "PROCESS") return tick_process();
  if (mode == "SINK") return tick_sink();
  return fail(GXF_FAILURE, "unknown mode '%s' (SRC, PROCESS, SINK)", mode.c_str());
}

void MockCodelet::sleep_mock_duration() {
  if (!generator_) return;
  std::uniform_int_distribution<int32_t> duration(duration_lower_ms_.get(),
                                                  duration_upper_ms_.get());
  std::this_thread::sleep_for(std::chrono::milliseconds(duration(*generator_)));
}

gxf_result_t MockCodelet::tick_source() {
  if (!transmitter_.is_set()) return fail(GXF_ARGUMENT_INVALID, "mode SRC needs 'transmitter'");
  EntityRef message = context()->create_message();
  sleep_mock_duration();
  Frame* frame = context()->add_message_component<Frame>(message.get(), kLatency);
  if (!frame) return GXF_FACTORY_UNKNOWN_CLASS_NAME;
  const int64_t created = now();
  frame->create_time = created;
  frame->first_process_time = -1;
  frame->frame_id = ++sent_;
  (void)transmitter_->publish(message, created);
  GXF_LOG_DEBUG("%s: Message Sent: %ld", describe().c_str(), static_cast<long>(sent_));
  return GXF_SUCCESS;
}

gxf_result_t MockCodelet::tick_process() {
  const int64_t begin = now();
  if (!receiver_.is_set() || !transmitter_.is_set()) {
    return fail(GXF_ARGUMENT_INVALID, "mode PROCESS needs 'receiver' and 'transmitter'");
  }
  EntityRef message = receiver_->receive();
  GXF_LOG_DEBUG("%s: Message Received: %ld", describe().c_str(), static_cast<long>(++received_));
  if (!message) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  Frame* frame = message->find<Frame>(kLatency);
  if (!frame) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  if (frame->end) {
    return fail(GXF_FAILURE, "frame %ld already reached its sink",
                static_cast<long>(frame->frame_id));
  }
  sleep_mock_duration();
  const int64_t end = now();
  frame->process_duration += end - begin;
  ++frame->num_processed;
  if (frame->first_process_time == -1) frame->first_process_time = begin;
  (void)transmitter_->publish(message, end);
  GXF_LOG_DEBUG("%s: Message Sent: %ld", describe().c_str(), static_cast<long>(++sent_));
  return GXF_SUCCESS;
}

gxf_result_t MockCodelet::tick_sink() {
  const int64_t arrived = now();
  if (!receiver_.is_set()) return fail(GXF_ARGUMENT_INVALID, "mode SINK needs 'receiver'");
  EntityRef message = receiver_->receive();
  if (!message) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  Frame* frame = message->find<Frame>(kLatency);
  if (!frame) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  if (frame->end) {
    return fail(GXF_FAILURE, "frame %ld already reached its sink",
                static_cast<long>(frame->frame_id));
  }
  frame->end = true;
  int64_t latency = arrived - frame->first_process_time;
  if (!include_mock_latency_.get()) latency -= frame->process_duration;
  GXF_LOG_INFO("%s: frame: %ld, latency: %.3f ms, end_time: %.4f, create_time: %.4f, "
               "process_duration: %.4f, first_process: %.4f, num_processed: %ld",
               describe().c_str(), static_cast<long>(frame->frame_id), to_ms(latency),
               to_ms(arrived), to_ms(frame->create_time), to_ms(frame->process_duration),
               to_ms(frame->first_process_time), static_cast<long>(frame->num_processed));
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
