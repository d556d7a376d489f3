// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "gxf/core/entity.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/std/clock.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/tensor.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Host memory blocks handed out again once their last holder lets go: the outputs of a run
// live in one block, each published frame's tensors are views of it. The pool outlives the
// codelet while messages still hold its blocks.
class HostBlockPool : public std::enable_shared_from_this<HostBlockPool> {
 public:
  ~HostBlockPool();
  // A block of at least `bytes`, released back to the pool by the returned owner.
  std::shared_ptr<void> take(size_t bytes);

 private:
  struct Block {
    void* pointer;
    size_t bytes;
  };
  void give_back(Block block);

  std::mutex mutex_;
  std::vector<Block> free_;
};

// The inference codelet's path for the common case, taken per tick: every message holds host
// tensors that are single frames (rank one lower than the model input) of the declared dtype
// and shape. The frames are found, checked and stacked here, Python is entered once for the
// runtime's run() (InferenceRunner.run_host), and the outputs are split back into one message
// per frame, their tensors views of one pooled block (or copies in `pool`'s memory). Anything
// else (device tensors, batches, shapes needing the relaxed check, mistakes) is left to the
// Python runner, which has the general rules and the error messages.
class HostFrames {
 public:
  // From InferenceRunner.host_plan() (GIL held); nullptr where the plan is None.
  static std::unique_ptr<HostFrames> from_plan(pybind11::handle plan, int32_t max_batch_size);

  // Runs one tick when the queued messages are all host frames: the tick's result. nullopt,
  // having received nothing, when they are not (the caller then runs the Python tick).
  std::optional<gxf_result_t> tick(const Codelet& owner, pybind11::object& runner,
                                   const std::vector<Handle<Receiver>>& receivers,
                                   Transmitter* transmitter, Allocator* pool, Clock* clock);

 private:
  struct Input {
    std::string tensor_name;
    std::vector<int64_t> frame_shape;  // the declared shape without its batch extent; -1 dynamic
    PrimitiveType element_type;
    std::string dtype;
    Shape shape;                       // this tick's frame shape (from its first frame)
    uint64_t frame_bytes = 0;
    std::vector<byte> staging;         // stacked frames; grows, never shrinks
  };
  struct Output {
    std::string tensor_name;
    std::string binding_name;
  };
  struct Split {  // one output of a run, for splitting
    const byte* data;
    Shape frame_shape;
    PrimitiveType element_type;
    uint64_t bytes_per_element;
    uint64_t frame_bytes;
  };

  // The tensor of input `index` in one frame's messages (one per receiver), or nullptr.
  Tensor* find(const EntityRef* messages, size_t index) const;
  // Whether the tensor fits input `input` as a frame; the first frame fixes the tick's shape.
  bool accepts(Tensor* tensor, Input& input, bool first) const;
  gxf_result_t run(const Codelet& owner, pybind11::object& runner, size_t first, size_t rows,
                   Transmitter* transmitter, Allocator* pool, Clock* clock);

  std::vector<Input> inputs_;
  std::vector<Output> outputs_;
  size_t max_rows_ = 1;
  size_t max_batch_size_ = 1;
  std::string model_path_;
  std::shared_ptr<HostBlockPool> blocks_ = std::make_shared<HostBlockPool>();
  // This tick's messages, frame-major (receivers per frame), their input tensors and splits;
  // kept between ticks so that steady state allocates nothing here.
  std::vector<EntityRef> messages_;
  std::vector<Tensor*> tensors_;
  std::vector<Split> splits_;
  std::vector<EntityRef> published_;
  std::vector<const byte*> feeds_;
  std::vector<byte*> starts_;
  size_t receiver_count_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
