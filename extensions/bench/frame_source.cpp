// SPDX-License-Identifier: Apache-2.0
#include "extensions/bench/frame_source.hpp"

#include <algorithm>
#include <array>
#include <random>

#include "gxf/core/context.hpp"
#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {
namespace bench {

gxf_result_t FrameSource::register_interface(Registrar* registrar) {
  registrar->parameter(out_, "out", "Out", "Transmitter of the frames");
  registrar->parameter(shape_, "shape", "Shape", "Shape of one frame (float32)");
  registrar->parameter(per_tick_, "per_tick", "Frames per tick", "Frames published per tick",
                       int32_t{1});
  registrar->parameter(frames_, "frames", "Frames", "Frames to publish after the warm-up");
  registrar->parameter(warmup_, "warmup", "Warm-up frames",
                       "Frames published first, which the sink does not time", int64_t{0});
  registrar->parameter(batched_, "batched", "Batched",
                       "One message per tick holding its frames stacked [per_tick, ...]", false);
  registrar->parameter(tensor_name_, "tensor_name", "Tensor name", "Name of the frames' tensor",
                       std::string("images"));
  return GXF_SUCCESS;
}

gxf_result_t FrameSource::start() {
  if (shape_.get().empty() || shape_.get().size() + 1 > Shape::kMaxRank) {
    return fail(GXF_PARAMETER_OUT_OF_RANGE, "shape needs 1 to %u extents, got %zu",
                Shape::kMaxRank - 1, shape_.get().size());
  }
  if (per_tick_.get() < 1) {
    return fail(GXF_PARAMETER_OUT_OF_RANGE, "per_tick must be at least 1, got %d",
                static_cast<int>(per_tick_.get()));
  }
  frame_elements_ = 1;
  for (int32_t extent : shape_.get()) {
    if (extent < 1) return fail(GXF_PARAMETER_OUT_OF_RANGE, "shape has an extent of %d", extent);
    frame_elements_ *= static_cast<uint64_t>(extent);
  }
  // Frame i holds N(0, 1) values of a generator seeded with i: the same frames every run.
  memory_ = std::make_shared<std::vector<float>>(frame_elements_ * per_tick_.get());
  for (int32_t frame = 0; frame < per_tick_.get(); ++frame) {
    std::mt19937 generator(static_cast<uint32_t>(frame));
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::generate_n(memory_->begin() + frame * frame_elements_, frame_elements_,
                    [&] { return normal(generator); });
  }
  left_ = frames_.get() + warmup_.get();
  return GXF_SUCCESS;
}

gxf_result_t FrameSource::tick() {
  const std::vector<int32_t>& extents = shape_.get();
  const bool batched = batched_.get();
  const int64_t count = std::min<int64_t>(left_, per_tick_.get());
  const int64_t messages = batched ? (count > 0 ? 1 : 0) : count;
  std::array<int32_t, Shape::kMaxRank> dims{};
  uint32_t rank = 0;
  if (batched) dims[rank++] = static_cast<int32_t>(count);
  for (int32_t extent : extents) dims[rank++] = extent;
  const Shape shape(dims, rank);
  const uint64_t frames_per_message = batched ? count : 1;
  for (int64_t message_index = 0; message_index < messages; ++message_index) {
    EntityRef message = context()->create_message();
    Tensor* tensor = context()->add_message_component<Tensor>(message.get(), tensor_name_.get());
    if (!tensor) return fail(GXF_FACTORY_UNKNOWN_CLASS_NAME, "Tensor is not registered");
    float* data = memory_->data() + message_index * frame_elements_;
    gxf_result_t code = tensor->wrap_shared(
        shape, PrimitiveType::kFloat32, sizeof(float), nullptr, MemoryStorageType::kSystem, data,
        frames_per_message * frame_elements_ * sizeof(float), memory_);
    if (code != GXF_SUCCESS) return fail(code, "cannot wrap frame %ld", static_cast<long>(message_index));
    code = out_->publish(message);
    if (code != GXF_SUCCESS) return fail(code, "cannot publish frame %ld", static_cast<long>(message_index));
  }
  left_ -= count;
  return GXF_SUCCESS;
}

}  // namespace bench
}  // namespace gxf
}  // namespace nvidia
