// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gxf/std/tensor.hpp"

namespace nvidia {
namespace gxf {
namespace flow {

// Per-buffer metadata in DeepStream's pyds model, shared by C++ components and Python: a
// BatchMeta holds one FrameMeta per frame of a buffer; a FrameMeta holds the frame's objects
// (ObjectMeta), tensor outputs and other user data (UserMeta). Items are held by shared_ptr, so
// Python objects and C++ readers see and change the same items; a message carries its
// BatchMeta by reference (BatchMetaComponent), never by copy. Nothing here is thread-safe
// except the lazy creation of a source's frames: one stage changes a buffer's metadata at a
// time (a fork shares it between branches, as DeepStream's tee does).

struct Rect {
  float left = 0.0f;
  float top = 0.0f;
  float width = 0.0f;
  float height = 0.0f;
};

// One detected object of a frame.
struct ObjectMeta {
  int64_t class_id = 0;
  float confidence = 0.0f;
  Rect rect;
  std::string label;
  int64_t object_id = -1;
};

// One named output tensor of an inference; `layout` names its dimensions ("HWC", may be empty).
struct TensorLayer {
  std::string name;
  std::string layout;
  std::shared_ptr<Tensor> tensor;
};

// Named output tensors of one inference (a UserMeta's payload).
struct TensorOutput {
  std::vector<TensorLayer> layers;
  // The layer called `name`, or null.
  const TensorLayer* find(const std::string& name) const;
};

// User data attached to a frame: a TensorOutput (tensor_output set), or an object owned by
// Python (python_data, opaque to C++; its deleter takes the GIL).
struct UserMeta {
  std::string meta_type = "user";
  std::shared_ptr<TensorOutput> tensor_output;
  std::shared_ptr<void> python_data;
};

// Metadata of one frame of a batch.
struct FrameMeta {
  int64_t frame_num = 0;
  int64_t batch_id = 0;
  int64_t source_id = 0;
  int64_t pts = 0;
  std::vector<std::shared_ptr<ObjectMeta>> object_items;
  std::vector<std::shared_ptr<UserMeta>> tensor_items;
  std::vector<std::shared_ptr<UserMeta>> user_items;
};

// Metadata of one buffer: a FrameMeta per frame, in batch order. A source's BatchMeta is made
// from its origin (from_source) and builds its frames on first access, so buffers nobody asks
// about cost one small allocation.
class BatchMeta {
 public:
  BatchMeta() = default;
  explicit BatchMeta(std::vector<std::shared_ptr<FrameMeta>> frames);
  // Frames first_frame_num, first_frame_num + 1, ... of source `source_id`, batch_id 0.. and
  // pts `pts` each, made when first asked for.
  static std::shared_ptr<BatchMeta> from_source(int64_t batch_size, int64_t source_id,
                                                int64_t first_frame_num, int64_t pts);
  // One BatchMeta holding the frames of `metas` (shared, not copied), renumbered by batch_id.
  static std::shared_ptr<BatchMeta> merged(const std::vector<std::shared_ptr<BatchMeta>>& metas);

  std::vector<std::shared_ptr<FrameMeta>>& frame_items();

 private:
  struct Origin {
    int64_t batch_size = 0;
    int64_t source_id = 0;
    int64_t first_frame_num = 0;
    int64_t pts = 0;
  };
  Origin origin_;
  std::once_flag built_;
  std::vector<std::shared_ptr<FrameMeta>> frames_;
};

}  // namespace flow
}  // namespace gxf
}  // namespace nvidia
