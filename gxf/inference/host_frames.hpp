// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "gxf/core/entity.hpp"
#include "gxf/inference/output_blocks.hpp"
#include "gxf/inference/parallel_copy.hpp"
#include "gxf/inference/pinned_staging.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/std/clock.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/tensor.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// The inference codelet's path for the common case, taken per tick: every message holds host
// tensors of the declared dtype and shape, all of them single frames (rank one lower than the
// model input) or all of them batches (the model's rank: a batched buffer, fed as it is). They
// are found, checked and stacked here (a lone message's tensor is fed in place), Python is
// entered once per run for the runtime's run() (the model's host_call, or
// InferenceRunner.run_host), and the outputs are
// split back into one message per received message (a frame's slice without the batch
// dimension, a batch's rows with it), their tensors views of one pooled block (or copies in
// `pool`'s memory). Anything else (device tensors, frames and batches mixed, shapes needing
// the relaxed check, mistakes) is left to the Python runner, which has the general rules and
// the error messages; both group messages into runs the same way.
//
// For a model on the GPU (plan "device" >= 0: TorchInference with CUDA) the frames are stacked
// into page-locked memory (PinnedStaging) instead, the model's staged_call() uploads the batch
// without waiting and returns its outputs on the device with the stream they were computed on,
// and the outputs are copied once per run into a pooled device block on that stream (no host
// wait anywhere), which the legacy default stream is then ordered after (an event, where the
// stream is another one), as the engine's device tensors are read.
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
    int64_t batch_extent = -1;         // the declared batch extent; -1 dynamic
    std::vector<int64_t> frame_shape;  // the declared shape without its batch extent; -1 dynamic
    PrimitiveType element_type;
    pybind11::dtype dtype;             // made once (from its name: a parse); GIL to destroy
    Shape shape;                       // this tick's row shape (from its first message)
    uint64_t frame_bytes = 0;          // bytes of one row
    std::vector<byte> staging;         // stacked rows; grows, never shrinks
    PinnedStaging pinned;              // the same for a model on the GPU
  };
  struct Output {
    std::string tensor_name;
    std::string binding_name;
  };
  struct Split {  // one output of a run, for splitting
    const byte* data;
    std::array<int32_t, Shape::kMaxRank> dims;  // the whole output's shape
    uint32_t rank;
    uint64_t row_bytes;  // one row of the leading dimension (0 when fed whole)
    PrimitiveType element_type;
    uint64_t bytes_per_element;
    uint64_t bytes;
  };

  // The tensor of input `index` in one frame's messages (one per receiver), or nullptr.
  Tensor* find(const EntityRef* messages, size_t index) const;
  // The rows the tensor brings to input `input` (1 for a frame, its leading extent for a
  // batch), or 0 when it does not fit the host path. The tick's first message fixes the row
  // shape and whether the tick holds frames or batches.
  size_t rows_of(Tensor* tensor, Input& input, bool first_message);
  // One run of `count` messages from `first`, `total` rows in all.
  gxf_result_t run(const Codelet& owner, pybind11::object& runner, size_t first, size_t count,
                   size_t total, Transmitter* transmitter, Allocator* pool, Clock* clock);

  // Synchronizes the streams the peeked messages' CudaStreamIds name (their host data may
  // still be written on them); fails the codelet for one naming no stream.
  gxf_result_t wait_for_producers(const Codelet& owner) const;
  // The plan's call's feeds: {input binding name: array}.
  pybind11::dict call_feeds(pybind11::list& arrays) const;
  // The outputs of one run, in outputs_ order: the model's host_call() where it has one,
  // else (or to explain a failure of it) InferenceRunner.run_host.
  pybind11::list run_model(pybind11::object& runner, pybind11::list& arrays);
  // The same for a model on the GPU: DLPack capsules of its outputs, and the stream they are
  // computed on.
  pybind11::list run_on_device(pybind11::list& arrays, CudaStreamHandle* stream);
  // Checks output `index` of a run of `total` rows (the NumPy array `array`, or the DLPack
  // capsule `capsule`) and describes it for splitting; fails the codelet when it cannot be.
  gxf_result_t add_split(const Codelet& owner, size_t index, size_t total, bool whole,
                         pybind11::handle array, pybind11::handle capsule);
  // Stacks the `count` messages from `first` into one buffer per input (feeds_).
  gxf_result_t stack(const Codelet& owner, size_t first, size_t count, size_t total);
  // Copies the splits into one pooled block (on `stream` for the GPU); null without memory.
  std::shared_ptr<void> copy_outputs(size_t bytes_in_all, CudaStreamHandle stream);

  std::vector<Input> inputs_;
  std::vector<Output> outputs_;
  // The runtime's own run function (plan "call"; GIL to destroy), the output binding names and
  // input binding names it takes (made once).
  pybind11::object call_;
  pybind11::list call_outputs_;
  std::vector<pybind11::str> call_inputs_;
  size_t max_rows_ = 1;
  size_t max_batch_size_ = 1;
  std::string model_path_;
  int device_ = -1;  // the model's GPU, -1 for a model on the host
  // The component's stream (plan "stream_cid"), named on every output message by a
  // CudaStreamId as GXF's inference codelets do; kNullUid without a cuda_stream_pool.
  gxf_uid_t stream_cid_ = kNullUid;
  std::shared_ptr<OutputBlocks> blocks_;
  // This tick's messages, message-major (one per receiver each), their input tensors, rows
  // and splits; kept between ticks so that steady state allocates nothing here.
  std::vector<EntityRef> messages_;
  std::vector<Tensor*> tensors_;
  std::vector<size_t> rows_;
  bool batches_ = false;  // this tick's messages hold batches, not frames
  std::vector<Split> splits_;
  std::vector<EntityRef> published_;
  std::vector<const byte*> feeds_;
  std::vector<ParallelCopy::Piece> pieces_;  // the stacking's copies
  std::vector<byte*> starts_;
  size_t receiver_count_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
