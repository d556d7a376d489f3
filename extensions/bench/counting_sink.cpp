// SPDX-License-Identifier: Apache-2.0
#include "extensions/bench/counting_sink.hpp"

#include <cstdio>

#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {
namespace bench {

gxf_result_t CountingSink::register_interface(Registrar* registrar) {
  registrar->parameter(in_, "in", "In", "Receiver of the counted messages");
  registrar->parameter(result_, "result", "Result", "JSON file written at stop");
  registrar->parameter(tensor_, "tensor", "Tensor", "Tensor every message must hold",
                       std::string("logits"));
  registrar->parameter(warmup_, "warmup", "Warm-up frames", "Frames received before timing",
                       int64_t{0});
  registrar->parameter(per_message_, "per_message", "Frames per message",
                       "Frames one message counts for", int64_t{1});
  return GXF_SUCCESS;
}

gxf_result_t CountingSink::start() {
  count_ = 0;
  started_ = ended_ = Clock::now();
  return GXF_SUCCESS;
}

gxf_result_t CountingSink::tick() {
  // Everything queued, in one tick, as the Python sink does.
  for (EntityRef message = in_->receive(); message; message = in_->receive()) {
    if (!message->find<Tensor>(tensor_.get())) {
      return fail(GXF_FAILURE, "message %ld holds no tensor '%s'",
                  static_cast<long>(message.eid()), tensor_.get().c_str());
    }
    count_ += per_message_.get();
    if (count_ == warmup_.get()) started_ = Clock::now();
  }
  ended_ = Clock::now();
  return GXF_SUCCESS;
}

gxf_result_t CountingSink::stop() {
  FILE* file = std::fopen(result_.get().c_str(), "w");
  if (!file) return fail(GXF_FAILURE, "cannot write '%s'", result_.get().c_str());
  const double seconds = std::chrono::duration<double>(ended_ - started_).count();
  std::fprintf(file, "{\"count\": %ld, \"seconds\": %.9f}\n",
               static_cast<long>(count_ - warmup_.get()), seconds);
  std::fclose(file);
  return GXF_SUCCESS;
}

}  // namespace bench
}  // namespace gxf
}  // namespace nvidia
