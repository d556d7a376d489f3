// SPDX-License-Identifier: Apache-2.0
#include "gxf/inference/host_frames.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "gxf/core/context.hpp"
#include "gxf/python_codelet/codelet_call.hpp"
#include "gxf/std/timestamp.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

constexpr size_t kAlignment = 64;  // every output starts on a cache line (and SIMD loads)

struct DtypeName {
  const char* name;
  PrimitiveType type;
};

// NumPy dtype names of the element types a model input or output may have here.
constexpr DtypeName kDtypes[] = {
    {"int8", PrimitiveType::kInt8},       {"uint8", PrimitiveType::kUnsigned8},
    {"int16", PrimitiveType::kInt16},     {"uint16", PrimitiveType::kUnsigned16},
    {"int32", PrimitiveType::kInt32},     {"uint32", PrimitiveType::kUnsigned32},
    {"int64", PrimitiveType::kInt64},     {"uint64", PrimitiveType::kUnsigned64},
    {"float16", PrimitiveType::kFloat16}, {"float32", PrimitiveType::kFloat32},
    {"float64", PrimitiveType::kFloat64},
};

std::optional<PrimitiveType> primitive_type_of(const std::string& dtype) {
  for (const DtypeName& entry : kDtypes) {
    if (dtype == entry.name) return entry.type;
  }
  return std::nullopt;
}

bool is_host(const Tensor& tensor) {
  return tensor.storage_type() != MemoryStorageType::kDevice;
}

size_t aligned(size_t bytes) { return (bytes + kAlignment - 1) / kAlignment * kAlignment; }

std::string describe_shape(const py::array& array) {
  std::string text = "(";
  for (py::ssize_t i = 0; i < array.ndim(); ++i) {
    text += (i ? ", " : "") + std::to_string(array.shape(i));
  }
  return text + (array.ndim() == 1 ? ",)" : ")");
}

}  // namespace

HostBlockPool::~HostBlockPool() {
  for (const Block& block : free_) std::free(block.pointer);
}

std::shared_ptr<void> HostBlockPool::take(size_t bytes) {
  Block block{nullptr, 0};
  {
    std::lock_guard<std::mutex> lock(mutex_);
    // The smallest free block that fits: runs of one size (the steady state) reuse theirs.
    auto best = free_.end();
    for (auto it = free_.begin(); it != free_.end(); ++it) {
      if (it->bytes >= bytes && (best == free_.end() || it->bytes < best->bytes)) best = it;
    }
    if (best != free_.end()) {
      block = *best;
      *best = free_.back();
      free_.pop_back();
    }
  }
  if (!block.pointer) {
    block = {std::aligned_alloc(kAlignment, aligned(std::max<size_t>(bytes, 1))),
             aligned(std::max<size_t>(bytes, 1))};
    if (!block.pointer) return nullptr;
  }
  std::shared_ptr<HostBlockPool> self = shared_from_this();
  return std::shared_ptr<void>(block.pointer,
                               [self, block](void*) { self->give_back(block); });
}

void HostBlockPool::give_back(Block block) {
  std::lock_guard<std::mutex> lock(mutex_);
  free_.push_back(block);
}

std::unique_ptr<HostFrames> HostFrames::from_plan(py::handle plan, int32_t max_batch_size) {
  if (plan.is_none()) return nullptr;
  auto frames = std::unique_ptr<HostFrames>(new HostFrames());
  for (py::handle entry : plan["inputs"]) {
    auto [tensor_name, shape, dtype] =
        entry.cast<std::tuple<std::string, std::vector<int64_t>, std::string>>();
    std::optional<PrimitiveType> type = primitive_type_of(dtype);
    if (!type || shape.empty()) return nullptr;
    Input input;
    input.tensor_name = tensor_name;
    input.frame_shape.assign(shape.begin() + 1, shape.end());
    input.element_type = *type;
    input.dtype = dtype;
    frames->inputs_.push_back(std::move(input));
  }
  for (py::handle entry : plan["outputs"]) {
    auto [tensor_name, binding_name, dtype] =
        entry.cast<std::tuple<std::string, std::string, std::string>>();
    frames->outputs_.push_back({tensor_name, binding_name});
  }
  frames->max_rows_ = std::max<size_t>(1, plan["max_rows"].cast<size_t>());
  frames->max_batch_size_ = std::max<int32_t>(1, max_batch_size);
  frames->model_path_ = plan["model"].cast<std::string>();
  return frames;
}

Tensor* HostFrames::find(const EntityRef* messages, size_t index) const {
  const std::string& name = inputs_[index].tensor_name;
  for (size_t r = 0; r < receiver_count_; ++r) {
    if (Tensor* tensor = messages[r]->find<Tensor>(name)) return tensor;
  }
  if (inputs_.size() != 1) return nullptr;
  // A single model input takes the only tensor of the messages, whatever its name.
  Tensor* only = nullptr;
  for (size_t r = 0; r < receiver_count_; ++r) {
    for (const auto& component : messages[r]->components()) {
      if (auto* tensor = dynamic_cast<Tensor*>(component.get())) {
        if (only) return nullptr;
        only = tensor;
      }
    }
  }
  return only;
}

bool HostFrames::accepts(Tensor* tensor, Input& input, bool first) const {
  if (!tensor || !is_host(*tensor) || !tensor->is_contiguous() ||
      tensor->element_type() != input.element_type ||
      tensor->rank() != input.frame_shape.size()) {
    return false;
  }
  const Shape& shape = tensor->shape();
  if (first) {
    for (uint32_t i = 0; i < shape.rank(); ++i) {
      const int64_t want = input.frame_shape[i];
      if (want >= 0 && want != shape.dimension(i)) return false;
    }
    input.shape = shape;
    input.frame_bytes = shape.size() * tensor->bytes_per_element();
    return true;
  }
  return shape == input.shape;
}

std::optional<gxf_result_t> HostFrames::tick(const Codelet& owner, py::object& runner,
                                             const std::vector<Handle<Receiver>>& receivers,
                                             Transmitter* transmitter, Allocator* pool,
                                             Clock* clock) {
  receiver_count_ = receivers.size();
  size_t frames = max_batch_size_;
  for (const Handle<Receiver>& receiver : receivers) {
    frames = std::min(frames, receiver->size());
  }
  if (frames == 0) return GXF_SUCCESS;
  // Look before taking: the Python tick gets the messages untouched when one does not fit.
  messages_.clear();
  tensors_.clear();
  for (size_t frame = 0; frame < frames; ++frame) {
    for (const Handle<Receiver>& receiver : receivers) messages_.push_back(receiver->peek(frame));
    const EntityRef* set = &messages_[frame * receiver_count_];
    for (size_t index = 0; index < inputs_.size(); ++index) {
      Tensor* tensor = set[0] ? find(set, index) : nullptr;
      if (!accepts(tensor, inputs_[index], frame == 0)) {
        messages_.clear();
        return std::nullopt;
      }
      tensors_.push_back(tensor);
    }
  }
  for (size_t frame = 0; frame < frames; ++frame) {
    for (const Handle<Receiver>& receiver : receivers) receiver->receive();
  }
  gxf_result_t code = GXF_SUCCESS;
  for (size_t first = 0; first < frames && code == GXF_SUCCESS; first += max_rows_) {
    code = run(owner, runner, first, std::min(max_rows_, frames - first), transmitter, pool,
               clock);
  }
  messages_.clear();
  return code;
}

gxf_result_t HostFrames::run(const Codelet& owner, py::object& runner, size_t first,
                             size_t rows, Transmitter* transmitter, Allocator* pool,
                             Clock* clock) {
  // Stack (a single contiguous frame is fed in place).
  feeds_.resize(inputs_.size());
  std::vector<const byte*>& feeds = feeds_;
  for (size_t index = 0; index < inputs_.size(); ++index) {
    Input& input = inputs_[index];
    if (rows == 1) {
      feeds[index] = tensors_[first * inputs_.size() + index]->pointer();
      continue;
    }
    if (input.staging.size() < rows * input.frame_bytes) {
      input.staging.resize(rows * input.frame_bytes);
    }
    for (size_t row = 0; row < rows; ++row) {
      std::memcpy(input.staging.data() + row * input.frame_bytes,
                  tensors_[(first + row) * inputs_.size() + index]->pointer(), input.frame_bytes);
    }
    feeds[index] = input.staging.data();
  }
  Context* context = owner.context();
  published_.clear();
  {
    CodeletCall call;
    py::object runner_error;
    try {
      py::list arrays;
      for (size_t index = 0; index < inputs_.size(); ++index) {
        const Input& input = inputs_[index];
        std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(rows)};
        for (uint32_t i = 0; i < input.shape.rank(); ++i) shape.push_back(input.shape.dimension(i));
        // A view: the memory is the staging buffer or the received tensor, both held here
        // until run_host returns (the runtimes copy what they keep).
        arrays.append(py::array(py::dtype(input.dtype), shape,
                                const_cast<byte*>(feeds[index]), py::none()));
      }
      py::list outputs = runner.attr("run_host")(arrays);
      splits_.clear();
      size_t total = 0;
      for (size_t index = 0; index < outputs_.size(); ++index) {
        py::array output = outputs[index];
        std::optional<PrimitiveType> type = primitive_type_of(py::str(output.dtype()));
        if (output.ndim() < 1 || static_cast<size_t>(output.shape(0)) != rows) {
          return owner.fail(GXF_FAILURE,
                            "model output '%s' of '%s' has shape %s, no leading batch dimension "
                            "of %zu to split per frame",
                            outputs_[index].binding_name.c_str(), model_path_.c_str(),
                            describe_shape(output).c_str(), rows);
        }
        if (!type) {
          return owner.fail(GXF_FAILURE, "model output '%s' of '%s' has dtype %s, which no "
                            "tensor element type holds", outputs_[index].binding_name.c_str(),
                            model_path_.c_str(),
                            py::str(output.dtype()).cast<std::string>().c_str());
        }
        std::vector<int32_t> frame_shape;
        for (py::ssize_t i = 1; i < output.ndim(); ++i) {
          frame_shape.push_back(static_cast<int32_t>(output.shape(i)));
        }
        const uint64_t frame_bytes = static_cast<uint64_t>(output.nbytes()) / rows;
        splits_.push_back({static_cast<const byte*>(output.data()), Shape(frame_shape), *type,
                           static_cast<uint64_t>(output.itemsize()), frame_bytes});
        total += aligned(output.nbytes());
      }
      // Copy and build the messages without the GIL (the outputs stay referenced above).
      py::gil_scoped_release no_gil;
      std::shared_ptr<void> block = pool ? nullptr : blocks_->take(total);
      if (!pool && !block) return owner.fail(GXF_OUT_OF_MEMORY, "no memory for the outputs");
      byte* cursor = static_cast<byte*>(block.get());
      starts_.resize(splits_.size());
      std::vector<byte*>& starts = starts_;
      for (size_t index = 0; index < splits_.size() && block; ++index) {
        starts[index] = cursor;
        std::memcpy(cursor, splits_[index].data, splits_[index].frame_bytes * rows);
        cursor += aligned(splits_[index].frame_bytes * rows);
      }
      for (size_t row = 0; row < rows; ++row) {
        EntityRef message = context->create_message();
        for (size_t index = 0; index < splits_.size(); ++index) {
          const Split& split = splits_[index];
          Tensor* tensor =
              context->add_message_component<Tensor>(message.get(), outputs_[index].tensor_name);
          if (!tensor) return owner.fail(GXF_FACTORY_UNKNOWN_CLASS_NAME, "Tensor is not registered");
          gxf_result_t code;
          if (pool) {
            code = tensor->reshape_custom(split.frame_shape, split.element_type,
                                          split.bytes_per_element, nullptr,
                                          MemoryStorageType::kHost, pool);
            if (code == GXF_SUCCESS) {
              std::memcpy(tensor->pointer(), split.data + row * split.frame_bytes,
                          split.frame_bytes);
            }
          } else {
            code = tensor->wrap_shared(split.frame_shape, split.element_type,
                                       split.bytes_per_element, nullptr, MemoryStorageType::kSystem,
                                       starts[index] + row * split.frame_bytes, split.frame_bytes,
                                       block);
          }
          if (code != GXF_SUCCESS) {
            return owner.fail(code, "cannot allocate output tensor '%s' of %llu bytes",
                              outputs_[index].tensor_name.c_str(),
                              static_cast<unsigned long long>(split.frame_bytes));
          }
        }
        published_.push_back(std::move(message));
      }
    } catch (py::error_already_set& error) {
      return report_python_error(
          owner, error, py::module_::import("gxf.inference.runner").attr("InferenceError"),
          "tick()");
    }
  }
  for (size_t row = 0; row < rows; ++row) {
    const EntityRef& received = messages_[(first + row) * receiver_count_];
    const Timestamp* stamp = received->find<Timestamp>();
    const int64_t acqtime = stamp ? stamp->acqtime : clock ? clock->timestamp() : 0;
    gxf_result_t code = transmitter->publish(published_[row], acqtime);
    if (code != GXF_SUCCESS) {
      return owner.fail(code, "cannot publish the outputs on '%s'", transmitter->name().c_str());
    }
  }
  published_.clear();
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
