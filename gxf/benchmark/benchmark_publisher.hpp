// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/benchmark/entity_buffer.hpp"
#include "gxf/benchmark/timestamp_log.hpp"
#include "gxf/std/asynchronous_scheduling_term.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

// Replays an EntityBuffer's messages in a cycle, one per tick, while the BenchmarkController
// holds its asynchronous term at EVENT_DONE; records each publish time for the sinks'
// latency figures.
class BenchmarkPublisher : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

  EntityBuffer* entity_buffer() const { return entity_buffer_.get().get(); }
  AsynchronousSchedulingTerm* async_scheduling_term() const {
    return async_scheduling_term_.get().get();
  }
  TimestampLog& published_timestamps() { return published_; }

 private:
  Parameter<Handle<Transmitter>> transmitter_;
  Parameter<Handle<EntityBuffer>> entity_buffer_;
  Parameter<Handle<AsynchronousSchedulingTerm>> async_scheduling_term_;
  TimestampLog published_;
};

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
