// SPDX-License-Identifier: Apache-2.0
#include "gxf/cuda/stream_ordered_allocator.hpp"

#include <algorithm>

#include "gxf/core/logger.hpp"
#include "gxf/cuda/component_checks.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t StreamOrderedAllocator::register_interface(Registrar* registrar) {
  registrar->parameter(release_threshold_, "release_threshold", "Release threshold",
                       "Memory the pool keeps cached before releasing to the system "
                       "(B, KB, MB, GB, TB)",
                       std::string("4MB"));
  registrar->parameter(device_memory_initial_size_, "device_memory_initial_size",
                       "Device Memory Pool Initial Size", "Memory the pool starts with",
                       std::string("16MB"));
  registrar->parameter(device_memory_max_size_, "device_memory_max_size",
                       "Device Memory Pool Maximum Size", "Most memory the pool holds",
                       std::string("32MB"));
  return GXF_SUCCESS;
}

gxf_result_t StreamOrderedAllocator::initialize() {
  int64_t threshold = 0, initial = 0, maximum = 0;
  if (!read_storage_size(*this, release_threshold_, &threshold) ||
      !read_storage_size(*this, device_memory_initial_size_, &initial) ||
      !read_storage_size(*this, device_memory_max_size_, &maximum)) {
    return GXF_PARAMETER_OUT_OF_RANGE;
  }
  gxf_result_t code = require_cuda(*this);
  if (code != GXF_SUCCESS) return code;
  auto pool = StreamOrderedPool::create(0, static_cast<uint64_t>(threshold),
                                        static_cast<uint64_t>(std::max(maximum, initial)),
                                        static_cast<uint64_t>(initial));
  if (!pool) return pool.error().code;
  pool_ = std::move(pool.value());
  return GXF_SUCCESS;
}

gxf_result_t StreamOrderedAllocator::deinitialize() {
  if (pool_) {
    if (pool_->used() > 0) {
      GXF_LOG_WARNING("StreamOrderedAllocator pool %s still has unreleased memory",
                      name().c_str());
    }
  }
  pool_.reset();  // the CUDA pool goes once the last allocation held by a message is back
  return GXF_SUCCESS;
}

bool StreamOrderedAllocator::is_available(uint64_t size) const {
  return pool_ && pool_->used() + size <= pool_->max_size();
}

gxf_result_t StreamOrderedAllocator::allocate(uint64_t size, MemoryStorageType type,
                                              void** pointer) {
  if (!pool_) return GXF_INVALID_LIFECYCLE_STAGE;
  if (!pointer) return GXF_ARGUMENT_NULL;
  if (type != MemoryStorageType::kDevice) {
    return fail(GXF_ARGUMENT_INVALID, "only device memory is supported");
  }
  return pool_->allocate_sync(size, pointer);
}

gxf_result_t StreamOrderedAllocator::free(void* pointer) {
  if (!pool_) return GXF_INVALID_LIFECYCLE_STAGE;
  return pool_->release_sync(pointer);
}

std::shared_ptr<void> StreamOrderedAllocator::own(void* pointer) {
  return pool_ ? pool_->own(pointer) : Allocator::own(pointer);
}

gxf_result_t StreamOrderedAllocator::allocate_async(uint64_t size, CudaStreamHandle stream,
                                                    void** pointer) {
  if (!pool_) return GXF_INVALID_LIFECYCLE_STAGE;
  if (!pointer) return GXF_ARGUMENT_NULL;
  return pool_->allocate(size, stream, pointer);
}

gxf_result_t StreamOrderedAllocator::free_async(void* pointer, CudaStreamHandle stream) {
  if (!pool_) return GXF_INVALID_LIFECYCLE_STAGE;
  return pool_->release(pointer, stream, false);
}

uint64_t StreamOrderedAllocator::pool_size() const {
  return pool_ ? pool_->used() : 0;
}

}  // namespace gxf
}  // namespace nvidia
