// SPDX-License-Identifier: Apache-2.0
#include "gxf/cuda/stream_ordered_pool.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

int64_t parse_storage_size(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !std::isfinite(value) || value <= 0) return -1;
  std::string unit(end);
  if (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
  // GXF reads a bare number, and "B", as megabytes (its graphs rely on "release_threshold: 16").
  const double kKiB = 1024.0;
  double scale = 0;
  if (unit.empty() || unit == "B" || unit == "MB") scale = kKiB * kKiB;
  if (unit == "KB") scale = kKiB;
  if (unit == "GB") scale = kKiB * kKiB * kKiB;
  if (unit == "TB") scale = kKiB * kKiB * kKiB * kKiB;
  if (scale == 0) return -1;
  return static_cast<int64_t>(value * scale);
}

Expected<std::shared_ptr<StreamOrderedPool>> StreamOrderedPool::create(
    int device, uint64_t release_threshold, uint64_t max_size, uint64_t initial_size) {
  CudaDriver& cuda = CudaDriver::instance();
  std::shared_ptr<StreamOrderedPool> pool(new StreamOrderedPool());
  pool->max_size_ = std::max(max_size, initial_size);
  gxf_result_t code = cuda.mem_pool_create(device, release_threshold, &pool->pool_);
  if (code == GXF_SUCCESS) code = cuda.stream_create(device, 1, 0, &pool->stream_);
  if (code != GXF_SUCCESS) return make_error(code, "cannot create a CUDA memory pool");
  void* primer = nullptr;
  if (initial_size > 0 && pool->allocate_sync(initial_size, &primer) == GXF_SUCCESS) {
    pool->release_sync(primer);
  }
  return pool;
}

StreamOrderedPool::~StreamOrderedPool() {
  CudaDriver& cuda = CudaDriver::instance();
  if (stream_) {
    cuda.stream_synchronize(stream_);
    cuda.stream_destroy(stream_);
  }
  if (pool_) cuda.mem_pool_destroy(pool_);
}

gxf_result_t StreamOrderedPool::allocate(uint64_t size, CudaStreamHandle stream, void** pointer) {
  if (size == 0) size = 1;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (used_ + size > max_size_) {
      GXF_LOG_ERROR("CUDA memory pool: %llu bytes requested, %llu of %llu in use",
                    static_cast<unsigned long long>(size), static_cast<unsigned long long>(used_),
                    static_cast<unsigned long long>(max_size_));
      return GXF_OUT_OF_MEMORY;
    }
    used_ += size;
  }
  gxf_result_t code = CudaDriver::instance().alloc_async(pool_, size, stream, pointer);
  std::lock_guard<std::mutex> lock(mutex_);
  if (code != GXF_SUCCESS) {
    used_ -= size;
    return code;
  }
  allocations_[*pointer] = size;
  return GXF_SUCCESS;
}

gxf_result_t StreamOrderedPool::release(void* pointer, CudaStreamHandle stream, bool wait) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = allocations_.find(pointer);
    if (it == allocations_.end()) return GXF_ARGUMENT_INVALID;
    used_ -= it->second;
    allocations_.erase(it);
  }
  CudaDriver& cuda = CudaDriver::instance();
  gxf_result_t code = cuda.free_async(pointer, stream);
  if (code == GXF_SUCCESS && wait) code = cuda.stream_synchronize(stream);
  return code;
}

gxf_result_t StreamOrderedPool::allocate_sync(uint64_t size, void** pointer) {
  gxf_result_t code = allocate(size, stream_, pointer);
  if (code != GXF_SUCCESS) return code;
  return CudaDriver::instance().stream_synchronize(stream_);
}

gxf_result_t StreamOrderedPool::release_sync(void* pointer) {
  return release(pointer, stream_, true);
}

std::shared_ptr<void> StreamOrderedPool::own(void* pointer) {
  return std::shared_ptr<void>(pointer, [pool = shared_from_this()](void* memory) {
    pool->release_sync(memory);
  });
}

uint64_t StreamOrderedPool::used() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return used_;
}

}  // namespace gxf
}  // namespace nvidia
