// SPDX-License-Identifier: Apache-2.0
#include "gxf/inference/host_frames.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "gxf/core/context.hpp"
#include "gxf/cuda/cuda_stream.hpp"
#include "gxf/cuda/cuda_stream_id.hpp"
#include "gxf/inference/parallel_copy.hpp"
#include "gxf/python_codelet/codelet_call.hpp"
#include "gxf/python_codelet/py_codelet.hpp"
#include "gxf/std/dlpack.hpp"
#include "gxf/std/dlpack_utils.hpp"
#include "gxf/std/timestamp.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

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

// The element type of a NumPy dtype, from its kind and size: the C fields of the descriptor.
// (str(dtype) runs NumPy's Python __str__, 15 us a call, more than the rest of a run's
// bookkeeping together.)
std::optional<PrimitiveType> primitive_type_of(const py::dtype& dtype) {
  const char kind = dtype.kind();
  const py::ssize_t size = dtype.itemsize();
  if (kind == 'f') {
    if (size == 2) return PrimitiveType::kFloat16;
    if (size == 4) return PrimitiveType::kFloat32;
    if (size == 8) return PrimitiveType::kFloat64;
  } else if (kind == 'i' || kind == 'u') {
    const bool is_signed = kind == 'i';
    if (size == 1) return is_signed ? PrimitiveType::kInt8 : PrimitiveType::kUnsigned8;
    if (size == 2) return is_signed ? PrimitiveType::kInt16 : PrimitiveType::kUnsigned16;
    if (size == 4) return is_signed ? PrimitiveType::kInt32 : PrimitiveType::kUnsigned32;
    if (size == 8) return is_signed ? PrimitiveType::kInt64 : PrimitiveType::kUnsigned64;
  }
  return std::nullopt;
}

std::optional<PrimitiveType> primitive_type_of(const std::string& dtype) {
  for (const DtypeName& entry : kDtypes) {
    if (dtype == entry.name) return entry.type;
  }
  return std::nullopt;
}

bool is_host(const Tensor& tensor) {
  return tensor.storage_type() != MemoryStorageType::kDevice;
}

// Elements of one frame: a frame of rank 0 (a model input of shape [N]) is one element, where
// Shape::size() follows GXF in saying 0.
uint64_t elements(const Shape& shape) { return shape.rank() == 0 ? 1 : shape.size(); }

std::string describe_shape(const std::vector<int64_t>& shape) {
  std::string text = "(";
  for (size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + (shape.size() == 1 ? ",)" : ")");
}

// The stream a model's staged_call() returned: 0 and 1 are the legacy default stream.
bool is_legacy(CudaStreamHandle stream) {
  return stream == nullptr || stream == cuda_legacy_stream();
}

}  // namespace

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
    input.batch_extent = shape.front();
    input.frame_shape.assign(shape.begin() + 1, shape.end());
    input.element_type = *type;
    input.dtype = py::dtype(dtype);
    frames->inputs_.push_back(std::move(input));
  }
  for (py::handle entry : plan["outputs"]) {
    auto [tensor_name, binding_name, dtype] =
        entry.cast<std::tuple<std::string, std::string, std::string>>();
    frames->outputs_.push_back({tensor_name, binding_name});
  }
  frames->device_ = plan.attr("get")("device", -1).cast<int>();
  frames->blocks_ = std::make_shared<OutputBlocks>(frames->device_);
  py::object stream_cid = plan.attr("get")("stream_cid", py::none());
  if (!stream_cid.is_none()) frames->stream_cid_ = stream_cid.cast<gxf_uid_t>();
  py::object call = plan.attr("get")("call");
  if (frames->device_ >= 0 && (call.is_none() || !cuda_available())) return nullptr;
  if (!call.is_none()) {
    frames->call_ = call;
    for (const Output& output : frames->outputs_) {
      frames->call_outputs_.append(py::str(output.binding_name));
    }
    for (py::handle name : plan["call_inputs"]) frames->call_inputs_.push_back(py::str(name));
    if (frames->call_inputs_.size() != frames->inputs_.size()) frames->call_ = py::object();
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

size_t HostFrames::rows_of(Tensor* tensor, Input& input, bool first_message) {
  if (!tensor || !is_host(*tensor) || !tensor->is_contiguous() ||
      tensor->element_type() != input.element_type) {
    return 0;
  }
  const size_t frame_rank = input.frame_shape.size();
  const Shape& shape = tensor->shape();
  bool batch;
  if (shape.rank() == frame_rank) {
    batch = false;
  } else if (shape.rank() == frame_rank + 1) {
    batch = true;
  } else {
    return 0;
  }
  // One kind per tick: frames and batches together are the runner's (it concatenates them).
  if (first_message && &input == &inputs_.front()) {
    batches_ = batch;
  } else if (batch != batches_) {
    return 0;
  }
  const uint32_t skip = batch ? 1 : 0;
  if (first_message) {
    std::array<int32_t, Shape::kMaxRank> row{};
    for (uint32_t i = 0; i < frame_rank; ++i) {
      const int32_t have = shape.dimension(i + skip);
      if (input.frame_shape[i] >= 0 && input.frame_shape[i] != have) return 0;
      row[i] = have;
    }
    input.shape = Shape(row, static_cast<uint32_t>(frame_rank));
    input.frame_bytes = elements(input.shape) * tensor->bytes_per_element();
  } else {
    for (uint32_t i = 0; i < frame_rank; ++i) {
      if (shape.dimension(i + skip) != input.shape.dimension(i)) return 0;
    }
  }
  if (!batch) return 1;
  const int64_t rows = shape.dimension(0);
  // A fixed batch extent takes exactly that many rows; the runner names any other.
  if (rows <= 0 || (input.batch_extent >= 0 && rows != input.batch_extent)) return 0;
  return static_cast<size_t>(rows);
}

std::optional<gxf_result_t> HostFrames::tick(const Codelet& owner, py::object& runner,
                                             const std::vector<Handle<Receiver>>& receivers,
                                             Transmitter* transmitter, Allocator* pool,
                                             Clock* clock) {
  receiver_count_ = receivers.size();
  size_t count = max_batch_size_;
  for (const Handle<Receiver>& receiver : receivers) {
    count = std::min(count, receiver->size());
  }
  // One message out per message in: no more than downstream can take (a graph whose
  // DownstreamReceptive term asks room for one would otherwise drop the rest).
  count = std::min(count, std::max<size_t>(1, transmitter->room()));
  if (count == 0) return GXF_SUCCESS;
  // Look before taking: the Python tick gets the messages untouched when one does not fit.
  messages_.clear();
  tensors_.clear();
  rows_.clear();
  for (size_t message = 0; message < count; ++message) {
    for (const Handle<Receiver>& receiver : receivers) messages_.push_back(receiver->peek(message));
    const EntityRef* set = &messages_[message * receiver_count_];
    size_t rows = 0;
    for (size_t index = 0; index < inputs_.size(); ++index) {
      Tensor* tensor = set[0] ? find(set, index) : nullptr;
      const size_t these = rows_of(tensor, inputs_[index], message == 0);
      // Every input of a message holds the same rows; the runner explains a mismatch.
      if (these == 0 || (index > 0 && these != rows)) {
        messages_.clear();
        return std::nullopt;
      }
      rows = these;
      tensors_.push_back(tensor);
    }
    rows_.push_back(rows);
  }
  gxf_result_t waited = wait_for_producers(owner);
  if (waited != GXF_SUCCESS) return waited;
  for (size_t message = 0; message < count; ++message) {
    for (const Handle<Receiver>& receiver : receivers) receiver->receive();
  }
  // Runs of at most max_rows_ rows, messages in order, as the runner groups them (a batch
  // alone may exceed the limit: it is fed as it is).
  gxf_result_t code = GXF_SUCCESS;
  for (size_t first = 0; first < count && code == GXF_SUCCESS;) {
    size_t end = first + 1;
    size_t total = rows_[first];
    while (end < count && total + rows_[end] <= max_rows_) total += rows_[end++];
    code = run(owner, runner, first, end - first, total, transmitter, pool, clock);
    first = end;
  }
  messages_.clear();
  return code;
}

gxf_result_t HostFrames::wait_for_producers(const Codelet& owner) const {
  for (const EntityRef& message : messages_) {
    const CudaStreamId* stream_id = message ? message->find<CudaStreamId>() : nullptr;
    if (!stream_id) continue;
    CudaStream* stream = stream_id->stream();
    if (!stream) {
      return owner.fail(GXF_FAILURE, "the CudaStreamId of received message %ld names component "
                        "%ld, which is no CudaStream", static_cast<long>(message.eid()),
                        static_cast<long>(stream_id->stream_cid));
    }
    // Host memory the producer's stream may still be writing (a download queued on it): the
    // CPU reads it next, so the host waits.
    gxf_result_t code = stream->sync_stream();
    if (code != GXF_SUCCESS) {
      return owner.fail(code, "cannot synchronize the CUDA stream of received message %ld",
                        static_cast<long>(message.eid()));
    }
  }
  return GXF_SUCCESS;
}

py::dict HostFrames::call_feeds(py::list& arrays) const {
  py::dict feeds;
  for (size_t index = 0; index < call_inputs_.size(); ++index) {
    feeds[call_inputs_[index]] = arrays[index];
  }
  return feeds;
}

py::list HostFrames::run_model(py::object& runner, py::list& arrays) {
  if (call_) {
    py::dict feeds = call_feeds(arrays);
    try {
      py::list outputs;
      {
        // The runtime lets the GIL go while it computes; other Python codelets may run then.
        OutsideCodeletCallLock outside;
        outputs = call_(call_outputs_, feeds);
      }
      // C-contiguous NumPy, as run_host returns them (np.ascontiguousarray; no copy when
      // they are already, as ONNX Runtime's are). One that is not an array at all goes the
      // run_host way below.
      bool arrays_out = true;
      for (size_t index = 0; index < outputs.size() && arrays_out; ++index) {
        py::array output = py::array::ensure(outputs[index], py::array::c_style);
        arrays_out = static_cast<bool>(output);
        if (arrays_out) outputs[index] = output;
      }
      if (arrays_out) return outputs;
    } catch (py::error_already_set&) {
      // run_host runs it again and raises the error with the model's name on it.
    }
  }
  return runner.attr("run_host")(arrays);
}

py::list HostFrames::run_on_device(py::list& arrays, CudaStreamHandle* stream) {
  py::dict feeds = call_feeds(arrays);
  py::tuple result;
  {
    // torch lets the GIL go while it launches and copies; other Python codelets may run then.
    OutsideCodeletCallLock outside;
    result = call_(call_outputs_, feeds);
  }
  *stream = reinterpret_cast<CudaStreamHandle>(result[1].cast<uintptr_t>());
  return result[0];
}

gxf_result_t HostFrames::stack(const Codelet& owner, size_t first, size_t count, size_t total) {
  feeds_.resize(inputs_.size());
  pieces_.clear();
  for (size_t index = 0; index < inputs_.size(); ++index) {
    Input& input = inputs_[index];
    const size_t bytes = total * input.frame_bytes;
    byte* staging;
    if (device_ >= 0) {
      // Always staged for the GPU, a lone frame too: the upload needs page-locked memory.
      Expected<byte*> buffer = input.pinned.next(device_, bytes);
      if (!buffer) {
        return owner.fail(buffer.error().code, "input '%s': %s", input.tensor_name.c_str(),
                          buffer.error().message.c_str());
      }
      staging = *buffer;
    } else if (count == 1) {
      feeds_[index] = tensors_[first * inputs_.size() + index]->pointer();  // fed in place
      continue;
    } else {
      if (input.staging.size() < bytes) input.staging.resize(bytes);
      staging = input.staging.data();
    }
    byte* cursor = staging;
    for (size_t message = first; message < first + count; ++message) {
      const size_t these = rows_[message] * input.frame_bytes;
      pieces_.push_back({cursor, tensors_[message * inputs_.size() + index]->pointer(), these});
      cursor += these;
    }
    feeds_[index] = staging;
  }
  // Megabytes of frames are copied by several threads (one cannot fill the bandwidth).
  ParallelCopy::instance().run(pieces_);
  return GXF_SUCCESS;
}

gxf_result_t HostFrames::add_split(const Codelet& owner, size_t index, size_t total, bool whole,
                                   py::handle array_handle, py::handle capsule) {
  const char* binding = outputs_[index].binding_name.c_str();
  Split split{};
  std::vector<int64_t> shape;
  std::optional<PrimitiveType> type;
  std::string dtype;  // for errors only
  if (capsule) {
    auto* managed = static_cast<dlpack::DLManagedTensor*>(
        PyCapsule_GetPointer(capsule.ptr(), dlpack::kCapsuleName));
    if (!managed) {
      PyErr_Clear();
      return owner.fail(GXF_FAILURE, "model output '%s' of '%s' is not a DLPack capsule",
                        binding, model_path_.c_str());
    }
    const dlpack::DLTensor& tensor = managed->dl_tensor;
    shape.assign(tensor.shape, tensor.shape + std::max(tensor.ndim, 0));
    type = from_dl_data_type(tensor.dtype);
    split.bytes_per_element = (tensor.dtype.bits * tensor.dtype.lanes + 7) / 8;
    split.data = static_cast<const byte*>(tensor.data) + tensor.byte_offset;
    // staged_call() hands contiguous outputs (tensor.contiguous()): strides are compact.
    split.bytes = split.bytes_per_element;
    for (int64_t extent : shape) split.bytes *= static_cast<uint64_t>(extent);
    dtype = "DLPack (code " + std::to_string(tensor.dtype.code) + ", " +
            std::to_string(tensor.dtype.bits) + " bits)";
  } else {
    py::array array = py::reinterpret_borrow<py::array>(array_handle);
    for (py::ssize_t i = 0; i < array.ndim(); ++i) shape.push_back(array.shape(i));
    type = primitive_type_of(array.dtype());
    split.bytes_per_element = static_cast<uint64_t>(array.itemsize());
    split.data = static_cast<const byte*>(array.data());
    split.bytes = static_cast<uint64_t>(array.nbytes());
    if (!type) dtype = py::str(array.dtype()).cast<std::string>();
  }
  if (!whole && (shape.empty() || static_cast<size_t>(shape[0]) != total)) {
    return owner.fail(GXF_FAILURE,
                      "model output '%s' of '%s' has shape %s, no leading batch dimension "
                      "of %zu to split per %s", binding, model_path_.c_str(),
                      describe_shape(shape).c_str(), total, batches_ ? "message" : "frame");
  }
  if (!type) {
    return owner.fail(GXF_FAILURE, "model output '%s' of '%s' has dtype %s, which no "
                      "tensor element type holds", binding, model_path_.c_str(), dtype.c_str());
  }
  if (shape.size() > Shape::kMaxRank) {
    return owner.fail(GXF_FAILURE, "model output '%s' of '%s' has rank %zu; a tensor "
                      "holds at most %u", binding, model_path_.c_str(), shape.size(),
                      Shape::kMaxRank);
  }
  split.element_type = *type;
  for (int64_t extent : shape) split.dims[split.rank++] = static_cast<int32_t>(extent);
  if (!whole) split.row_bytes = split.bytes / total;
  splits_.push_back(split);
  return GXF_SUCCESS;
}

std::shared_ptr<void> HostFrames::copy_outputs(size_t bytes_in_all, CudaStreamHandle stream) {
  std::shared_ptr<void> block = blocks_->take(bytes_in_all, stream);
  if (!block) return nullptr;
  byte* cursor = static_cast<byte*>(block.get());
  starts_.resize(splits_.size());
  for (size_t index = 0; index < splits_.size(); ++index) {
    starts_[index] = cursor;
    if (device_ < 0) {
      std::memcpy(cursor, splits_[index].data, splits_[index].bytes);
    } else if (CudaDriver::instance().copy_async(cursor, splits_[index].data,
                                                 splits_[index].bytes,
                                                 stream) != GXF_SUCCESS) {
      return nullptr;
    }
    cursor += OutputBlocks::aligned(splits_[index].bytes);
  }
  return block;
}

gxf_result_t HostFrames::run(const Codelet& owner, py::object& runner, size_t first,
                             size_t count, size_t total, Transmitter* transmitter,
                             Allocator* pool, Clock* clock) {
  gxf_result_t stacked = stack(owner, first, count, total);
  if (stacked != GXF_SUCCESS) return stacked;
  const bool on_device = device_ >= 0;
  // Views of the pooled block: device or system memory; tensors from `pool`: device or host.
  const MemoryStorageType storage =
      on_device ? MemoryStorageType::kDevice : MemoryStorageType::kSystem;
  const MemoryStorageType pool_storage =
      on_device ? MemoryStorageType::kDevice : MemoryStorageType::kHost;
  // A lone batch gets its outputs whole, whatever their shape (as the runner feeds it).
  const bool whole = batches_ && count == 1;
  Context* context = owner.context();
  CudaDriver* driver = on_device ? &CudaDriver::instance() : nullptr;
  published_.clear();
  {
    CodeletCall call;
    try {
      py::list arrays;
      for (size_t index = 0; index < inputs_.size(); ++index) {
        const Input& input = inputs_[index];
        std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(total)};
        for (uint32_t i = 0; i < input.shape.rank(); ++i) shape.push_back(input.shape.dimension(i));
        // A view: the memory is the staging buffer or the received tensor, both held here
        // until the run returns (the runtimes copy what they keep; the upload is waited for
        // before the page-locked buffer is written again).
        arrays.append(py::array(input.dtype, shape, const_cast<byte*>(feeds_[index]),
                                py::none()));
      }
      CudaStreamHandle stream = nullptr;
      py::list outputs = on_device ? run_on_device(arrays, &stream) : run_model(runner, arrays);
      splits_.clear();
      size_t bytes_in_all = 0;
      for (size_t index = 0; index < outputs_.size(); ++index) {
        gxf_result_t code = on_device
                                ? add_split(owner, index, total, whole, py::handle(), outputs[index])
                                : add_split(owner, index, total, whole, outputs[index], py::handle());
        if (code != GXF_SUCCESS) return code;
        bytes_in_all += OutputBlocks::aligned(splits_.back().bytes);
      }
      // Copy and build the messages without the GIL (the outputs stay referenced above).
      py::gil_scoped_release no_gil;
      std::shared_ptr<void> block = pool ? nullptr : copy_outputs(bytes_in_all, stream);
      if (!pool && !block) {
        return owner.fail(GXF_OUT_OF_MEMORY, "cannot copy the outputs (%zu bytes) to %s memory",
                          bytes_in_all, on_device ? "device" : "host");
      }
      size_t row = 0;  // the message's first row in the run
      for (size_t message = first; message < first + count; ++message) {
        EntityRef published = context->create_message();
        for (size_t index = 0; index < splits_.size(); ++index) {
          const Split& split = splits_[index];
          // A frame's slice drops the batch dimension; a batch keeps its rows.
          std::array<int32_t, Shape::kMaxRank> dims = split.dims;
          uint32_t rank = split.rank;
          if (!whole && batches_) {
            dims[0] = static_cast<int32_t>(rows_[message]);
          } else if (!whole) {
            std::copy(split.dims.begin() + 1, split.dims.end(), dims.begin());
            --rank;
          }
          const Shape shape(dims, rank);
          const uint64_t offset = whole ? 0 : row * split.row_bytes;
          const uint64_t bytes = whole ? split.bytes : rows_[message] * split.row_bytes;
          Tensor* tensor = context->add_message_component<Tensor>(published.get(),
                                                                  outputs_[index].tensor_name);
          if (!tensor) return owner.fail(GXF_FACTORY_UNKNOWN_CLASS_NAME, "Tensor is not registered");
          gxf_result_t code;
          if (pool) {
            code = tensor->reshape_custom(shape, split.element_type, split.bytes_per_element,
                                          nullptr, pool_storage, pool);
            if (code == GXF_SUCCESS && on_device) {
              code = driver->copy_async(tensor->pointer(), split.data + offset, bytes, stream);
            } else if (code == GXF_SUCCESS) {
              std::memcpy(tensor->pointer(), split.data + offset, bytes);
            }
          } else {
            code = tensor->wrap_shared(shape, split.element_type, split.bytes_per_element,
                                       nullptr, storage, starts_[index] + offset, bytes, block);
          }
          if (code != GXF_SUCCESS) {
            return owner.fail(code, "cannot allocate output tensor '%s' of %llu bytes",
                              outputs_[index].tensor_name.c_str(),
                              static_cast<unsigned long long>(bytes));
          }
        }
        if (on_device && stream_cid_ != kNullUid) {
          auto* stream_id = context->add_message_component<CudaStreamId>(published.get(), "");
          if (!stream_id) {
            return owner.fail(GXF_FACTORY_UNKNOWN_CLASS_NAME, "CudaStreamId is not registered");
          }
          stream_id->stream_cid = stream_cid_;
        }
        published_.push_back(std::move(published));
        row += rows_[message];
      }
      if (on_device) {
        // The staging buffers are free again once this run's uploads are done; consumers
        // read the outputs after the legacy default stream.
        for (Input& input : inputs_) {
          if (input.pinned.copied(stream) != GXF_SUCCESS) {
            return owner.fail(GXF_FAILURE, "cannot record the upload of input '%s'",
                              input.tensor_name.c_str());
          }
        }
        if (!is_legacy(stream) && driver->stream_order(stream, cuda_legacy_stream()) != GXF_SUCCESS) {
          return owner.fail(GXF_FAILURE, "cannot order the legacy stream after the model's");
        }
      }
    } catch (py::error_already_set& error) {
      return report_python_error(
          owner, error, py::module_::import("gxf.inference.runner").attr("InferenceError"),
          "tick()");
    }
  }
  for (size_t message = 0; message < count; ++message) {
    const EntityRef& received = messages_[(first + message) * receiver_count_];
    const Timestamp* stamp = received->find<Timestamp>();
    const int64_t acqtime = stamp ? stamp->acqtime : clock ? clock->timestamp() : 0;
    gxf_result_t code = transmitter->publish(published_[message], acqtime);
    if (code != GXF_SUCCESS) {
      return owner.fail(code, "cannot publish the outputs on '%s'", transmitter->name().c_str());
    }
  }
  published_.clear();
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
