// SPDX-License-Identifier: Apache-2.0
#include "gxf/cuda/cuda_stream_pool.hpp"

#include "gxf/cuda/component_checks.hpp"

#include <algorithm>

#include "gxf/core/context.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t CudaStreamPool::register_interface(Registrar* registrar) {
  registrar->parameter(stream_flags_, "stream_flags", "Stream Flags",
                       "Flags of the streams (1: cudaStreamNonBlocking)", uint32_t{1});
  registrar->parameter(stream_priority_, "stream_priority", "Stream Priority",
                       "Priority of the streams (lower is higher priority)", int32_t{0});
  registrar->parameter(reserved_size_, "reserved_size", "Reserved Stream Size",
                       "Streams created at initialize()", uint32_t{1});
  registrar->parameter(max_size_, "max_size", "Maximum Stream Size",
                       "Most streams handed out at once (0: unlimited)", uint32_t{0});
  return GXF_SUCCESS;
}

gxf_result_t CudaStreamPool::initialize() {
  gxf_result_t code = require_cuda(*this);
  if (code != GXF_SUCCESS) return code;
  std::lock_guard<std::mutex> lock(mutex_);
  for (uint32_t i = 0; i < reserved_size_.get(); ++i) {
    auto stream = create_stream();
    if (!stream) return stream.error().code;
    available_.push_back(stream.value());
  }
  initialized_ = true;
  return GXF_SUCCESS;
}

gxf_result_t CudaStreamPool::deinitialize() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (in_use_ > 0) {
    GXF_LOG_WARNING("%s: %zu stream(s) still allocated at deinitialize", describe().c_str(),
                    in_use_);
  }
  for (EntityRef& entity : entities_) {
    if (auto* stream = entity->find<CudaStream>()) stream->destroy();
  }
  available_.clear();
  entities_.clear();
  in_use_ = 0;
  initialized_ = false;
  return GXF_SUCCESS;
}

Expected<CudaStream*> CudaStreamPool::create_stream() {
  EntityRef entity = context()->create_message();
  auto* stream = context()->add_message_component<CudaStream>(entity.get(), "stream");
  if (!stream) return make_error(GXF_FACTORY_UNKNOWN_CLASS_NAME, "CudaStream is not registered");
  gxf_result_t code = stream->create(stream_flags_.get(), 0, stream_priority_.get());
  if (code != GXF_SUCCESS) return make_error(code, "cannot create a CUDA stream");
  context()->register_message(entity.get());  // reachable by cid (CudaStreamId)
  entities_.push_back(std::move(entity));
  return stream;
}

Expected<CudaStream*> CudaStreamPool::allocate_stream() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!initialized_) {
    return make_error(GXF_INVALID_LIFECYCLE_STAGE, "stream pool is not initialized");
  }
  if (max_size_.get() != 0 && in_use_ >= max_size_.get()) {
    return make_error(
        fail(GXF_EXCEEDING_PREALLOCATED_SIZE, "all %u streams are in use", max_size_.get()),
        "no stream available");
  }
  CudaStream* stream = nullptr;
  if (!available_.empty()) {
    stream = available_.back();
    available_.pop_back();
  } else {
    auto created = create_stream();
    if (!created) return created;
    stream = created.value();
  }
  ++in_use_;
  return stream;
}

gxf_result_t CudaStreamPool::release_stream(CudaStream* stream) {
  if (!stream) return GXF_ARGUMENT_NULL;
  std::lock_guard<std::mutex> lock(mutex_);
  if (!initialized_) return GXF_SUCCESS;  // deinitialized first: every stream is gone already
  bool owned = std::any_of(entities_.begin(), entities_.end(), [stream](const EntityRef& entity) {
    return entity->find<CudaStream>() == stream;
  });
  if (!owned) return GXF_ARGUMENT_OUT_OF_RANGE;
  if (std::find(available_.begin(), available_.end(), stream) != available_.end()) {
    return GXF_ARGUMENT_INVALID;  // released twice
  }
  stream->reset_events();
  available_.push_back(stream);
  --in_use_;
  return GXF_SUCCESS;
}

bool CudaStreamPool::is_available(uint64_t size) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return initialized_ && (max_size_.get() == 0 || in_use_ + size <= max_size_.get());
}

gxf_result_t CudaStreamPool::allocate(uint64_t size, MemoryStorageType type, void** pointer) {
  if (!pointer || size != 1) return GXF_ARGUMENT_INVALID;
  auto stream = allocate_stream();
  if (!stream) return stream.error().code;
  *pointer = stream.value();
  return GXF_SUCCESS;
}

gxf_result_t CudaStreamPool::free(void* pointer) {
  return release_stream(static_cast<CudaStream*>(pointer));
}

}  // namespace gxf
}  // namespace nvidia
