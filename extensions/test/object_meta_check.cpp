// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/object_meta_check.hpp"

#include <memory>

#include "gxf/flow/batch_meta_component.hpp"
#include "gxf/std/end_of_stream.hpp"

namespace nvidia {
namespace gxf {
namespace test {

namespace {

std::string joined(const std::vector<std::string>& labels) {
  std::string text = "[";
  for (size_t i = 0; i < labels.size(); ++i) text += (i ? ", '" : "'") + labels[i] + "'";
  return text + "]";
}

}  // namespace

gxf_result_t ObjectMetaCheck::register_interface(Registrar* registrar) {
  registrar->parameter(in_, "in_", "Input", "Messages of a Flow stream");
  registrar->parameter(out_, "out", "Output", "Where checked messages go");
  registrar->parameter(expected_labels_, "expected_labels", "Expected labels",
                       "Labels of the ObjectMeta every frame must carry, in order");
  registrar->parameter(add_label_, "add_label", "Added label",
                       "Label of the ObjectMeta appended to every frame");
  return GXF_SUCCESS;
}

gxf_result_t ObjectMetaCheck::tick() {
  EntityRef message = in_->receive();
  if (!message) return GXF_SUCCESS;
  if (message->find<EndOfStream>()) {
    ended_ = true;
    return out_->publish(message);
  }
  if (ended_) return fail(GXF_FAILURE, "a buffer arrived after the end of its stream");
  flow::BatchMeta* batch_meta = flow::find_batch_meta(*message.get());
  if (batch_meta) {
    for (const auto& frame : batch_meta->frame_items()) {
      std::vector<std::string> labels;
      for (const auto& object : frame->object_items) labels.push_back(object->label);
      if (labels != expected_labels_.get()) {
        return fail(GXF_FAILURE, "frame %ld of source %ld carries objects %s, expected %s",
                    static_cast<long>(frame->frame_num), static_cast<long>(frame->source_id),
                    joined(labels).c_str(), joined(expected_labels_.get()).c_str());
      }
      auto added = std::make_shared<flow::ObjectMeta>();
      added->class_id = 7;
      added->confidence = 0.25f;
      added->rect = flow::Rect{10.0f, 20.0f, 30.0f, 40.0f};
      added->label = add_label_.get();
      added->object_id = frame->frame_num;
      frame->object_items.push_back(std::move(added));
    }
  }
  return out_->publish(message);
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
