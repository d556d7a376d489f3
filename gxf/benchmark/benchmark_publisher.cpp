// SPDX-License-Identifier: Apache-2.0
#include "gxf/benchmark/benchmark_publisher.hpp"

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

gxf_result_t BenchmarkPublisher::register_interface(Registrar* registrar) {
  registrar->parameter(transmitter_, "transmitter", "Benchmark publisher transmitter",
                       "Transmitter to publish benchmark messages");
  registrar->parameter(entity_buffer_, "entity_buffer", "Benchmark message entity buffer",
                       "Component that holds buffered benchmark message entities");
  registrar->parameter(async_scheduling_term_, "benchmark_publisher_async_scheduling_term",
                       "Benchmark publisher execution control scheduling term",
                       "An asynchronous scheduling term the controller uses to start and stop "
                       "this publisher");
  return GXF_SUCCESS;
}

gxf_result_t BenchmarkPublisher::start() {
  // Idle until the controller starts an iteration, whichever entity the scheduler starts
  // first (an idle publisher would otherwise spin on an empty buffer).
  async_scheduling_term_->set_event_state(AsynchronousEventState::kWait);
  published_.clear();
  return GXF_SUCCESS;
}

gxf_result_t BenchmarkPublisher::tick() {
  EntityRef message = entity_buffer_->at_cyclic(published_.size());
  if (!message) {
    GXF_LOG_WARNING("No message was present in the underlying entity buffer");
    return GXF_SUCCESS;
  }
  const gxf_result_t code = transmitter_->publish(message);
  if (code != GXF_SUCCESS) return fail(code, "could not publish a buffered message");
  published_.record_now();
  return GXF_SUCCESS;
}

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
