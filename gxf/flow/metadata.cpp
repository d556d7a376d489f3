// SPDX-License-Identifier: Apache-2.0
#include "gxf/flow/metadata.hpp"

#include <utility>

namespace nvidia {
namespace gxf {
namespace flow {

const TensorLayer* TensorOutput::find(const std::string& name) const {
  for (const TensorLayer& layer : layers) {
    if (layer.name == name) return &layer;
  }
  return nullptr;
}

BatchMeta::BatchMeta(std::vector<std::shared_ptr<FrameMeta>> frames)
    : frames_(std::move(frames)) {}

std::shared_ptr<BatchMeta> BatchMeta::from_source(int64_t batch_size, int64_t source_id,
                                                  int64_t first_frame_num, int64_t pts) {
  auto meta = std::make_shared<BatchMeta>();
  meta->origin_ = Origin{batch_size, source_id, first_frame_num, pts};
  return meta;
}

std::shared_ptr<BatchMeta> BatchMeta::merged(
    const std::vector<std::shared_ptr<BatchMeta>>& metas) {
  std::vector<std::shared_ptr<FrameMeta>> frames;
  for (const auto& meta : metas) {
    if (!meta) continue;
    for (const auto& frame : meta->frame_items()) frames.push_back(frame);
  }
  for (size_t i = 0; i < frames.size(); ++i) frames[i]->batch_id = static_cast<int64_t>(i);
  return std::make_shared<BatchMeta>(std::move(frames));
}

std::vector<std::shared_ptr<FrameMeta>>& BatchMeta::frame_items() {
  // Two branches of a fork may ask at once, from two workers: build the frames exactly once.
  std::call_once(built_, [this] {
    for (int64_t i = 0; i < origin_.batch_size; ++i) {
      auto frame = std::make_shared<FrameMeta>();
      frame->frame_num = origin_.first_frame_num + i;
      frame->batch_id = i;
      frame->source_id = origin_.source_id;
      frame->pts = origin_.pts;
      frames_.push_back(std::move(frame));
    }
  });
  return frames_;
}

}  // namespace flow
}  // namespace gxf
}  // namespace nvidia
