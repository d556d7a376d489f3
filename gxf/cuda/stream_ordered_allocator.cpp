// SPDX-License-Identifier: Apache-2.0
#include "gxf/cuda/stream_ordered_allocator.hpp"

#include <cctype>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

int64_t parse_storage_size(const std::string& text) {
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
    ++digits;
  }
  if (digits == 0) return -1;
  const int64_t value = std::stoll(text.substr(0, digits));
  std::string unit = text.substr(digits);
  while (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  int64_t scale = 1;
  for (const char* name : units) {
    if (unit == name || (unit.empty() && scale == 1)) return value * scale;
    scale *= 1024;
  }
  return -1;
}

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
  const int64_t threshold = parse_storage_size(release_threshold_.get());
  const int64_t initial = parse_storage_size(device_memory_initial_size_.get());
  const int64_t maximum = parse_storage_size(device_memory_max_size_.get());
  if (threshold < 0 || initial < 0 || maximum < 0) {
    GXF_LOG_ERROR("%s: invalid size (use a number with B, KB, MB, GB or TB)", describe().c_str());
    return GXF_PARAMETER_OUT_OF_RANGE;
  }
  if (!cuda_available()) {
    GXF_LOG_ERROR("%s needs CUDA: %s", describe().c_str(),
                  CudaDriver::instance().unavailable_reason().c_str());
    return GXF_FAILURE;
  }
  CudaDriver& cuda = CudaDriver::instance();
  auto pool = std::make_shared<Pool>();
  pool->max_size = static_cast<uint64_t>(std::max(maximum, initial));
  gxf_result_t code = cuda.mem_pool_create(0, static_cast<uint64_t>(threshold), &pool->pool);
  if (code == GXF_SUCCESS) code = cuda.stream_create(0, 1, 0, &pool->stream);
  if (code != GXF_SUCCESS) return code;
  // Prime the pool: allocate and free the initial size once.
  void* primer = nullptr;
  if (initial > 0 && pool->allocate(static_cast<uint64_t>(initial), pool->stream, &primer) ==
                         GXF_SUCCESS) {
    pool->release(primer, pool->stream, true);
  }
  pool_ = std::move(pool);
  return GXF_SUCCESS;
}

gxf_result_t StreamOrderedAllocator::deinitialize() {
  if (pool_) {
    std::lock_guard<std::mutex> lock(pool_->mutex);
    if (!pool_->allocations.empty()) {
      GXF_LOG_WARNING("StreamOrderedAllocator pool %s still has unreleased memory",
                      name().c_str());
    }
  }
  pool_.reset();  // the CUDA pool goes once the last allocation held by a message is back
  return GXF_SUCCESS;
}

StreamOrderedAllocator::Pool::~Pool() {
  CudaDriver& cuda = CudaDriver::instance();
  if (stream) {
    cuda.stream_synchronize(stream);
    cuda.stream_destroy(stream);
  }
  if (pool) cuda.mem_pool_destroy(pool);
}

gxf_result_t StreamOrderedAllocator::Pool::allocate(uint64_t size, CudaStreamHandle on_stream,
                                                    void** pointer) {
  if (size == 0) size = 1;
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (used + size > max_size) {
      GXF_LOG_ERROR("StreamOrderedAllocator: %llu bytes requested, %llu of %llu in use",
                    static_cast<unsigned long long>(size), static_cast<unsigned long long>(used),
                    static_cast<unsigned long long>(max_size));
      return GXF_OUT_OF_MEMORY;
    }
    used += size;
  }
  gxf_result_t code = CudaDriver::instance().alloc_async(pool, size, on_stream, pointer);
  std::lock_guard<std::mutex> lock(mutex);
  if (code != GXF_SUCCESS) {
    used -= size;
    return code;
  }
  allocations[*pointer] = size;
  return GXF_SUCCESS;
}

gxf_result_t StreamOrderedAllocator::Pool::release(void* pointer, CudaStreamHandle on_stream,
                                                   bool wait) {
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = allocations.find(pointer);
    if (it == allocations.end()) return GXF_ARGUMENT_INVALID;
    used -= it->second;
    allocations.erase(it);
  }
  CudaDriver& cuda = CudaDriver::instance();
  gxf_result_t code = cuda.free_async(pointer, on_stream);
  if (code == GXF_SUCCESS && wait) code = cuda.stream_synchronize(on_stream);
  return code;
}

bool StreamOrderedAllocator::is_available(uint64_t size) const {
  if (!pool_) return false;
  std::lock_guard<std::mutex> lock(pool_->mutex);
  return pool_->used + size <= pool_->max_size;
}

gxf_result_t StreamOrderedAllocator::allocate(uint64_t size, MemoryStorageType type,
                                              void** pointer) {
  if (!pool_) return GXF_INVALID_LIFECYCLE_STAGE;
  if (!pointer) return GXF_ARGUMENT_NULL;
  if (type != MemoryStorageType::kDevice) {
    GXF_LOG_ERROR("%s: only device memory is supported", describe().c_str());
    return GXF_ARGUMENT_INVALID;
  }
  gxf_result_t code = pool_->allocate(size, pool_->stream, pointer);
  if (code != GXF_SUCCESS) return code;
  return CudaDriver::instance().stream_synchronize(pool_->stream);
}

gxf_result_t StreamOrderedAllocator::free(void* pointer) {
  if (!pool_) return GXF_INVALID_LIFECYCLE_STAGE;
  return pool_->release(pointer, pool_->stream, true);
}

std::shared_ptr<void> StreamOrderedAllocator::own(void* pointer) {
  return std::shared_ptr<void>(pointer, [pool = pool_](void* memory) {
    if (pool) pool->release(memory, pool->stream, true);
  });
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
  if (!pool_) return 0;
  std::lock_guard<std::mutex> lock(pool_->mutex);
  return pool_->used;
}

}  // namespace gxf
}  // namespace nvidia
