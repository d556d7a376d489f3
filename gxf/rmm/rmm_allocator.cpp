// SPDX-License-Identifier: Apache-2.0
#include "gxf/rmm/rmm_allocator.hpp"

#include <algorithm>

#include "gxf/cuda/component_checks.hpp"
#include "gxf/std/storage.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t RMMAllocator::register_interface(Registrar* registrar) {
  registrar->parameter(device_memory_initial_size_, "device_memory_initial_size",
                       "Device Memory Pool Initial Size", "Units B, KB, MB, GB, TB",
                       std::string("16MB"));
  registrar->parameter(device_memory_max_size_, "device_memory_max_size",
                       "Device Memory Pool Maximum Size", "Units B, KB, MB, GB, TB",
                       std::string("32MB"));
  registrar->parameter(host_memory_initial_size_, "host_memory_initial_size",
                       "Host Memory Pool Initial Size", "Units B, KB, MB, GB, TB",
                       std::string("16MB"));
  registrar->parameter(host_memory_max_size_, "host_memory_max_size",
                       "Host Memory Pool Maximum Size", "Units B, KB, MB, GB, TB",
                       std::string("32MB"));
  return GXF_SUCCESS;
}

gxf_result_t RMMAllocator::initialize() {
  int64_t device_initial = 0, device_max = 0, host_initial = 0, host_max = 0;
  if (!read_storage_size(*this, device_memory_initial_size_, &device_initial) ||
      !read_storage_size(*this, device_memory_max_size_, &device_max) ||
      !read_storage_size(*this, host_memory_initial_size_, &host_initial) ||
      !read_storage_size(*this, host_memory_max_size_, &host_max)) {
    return GXF_PARAMETER_OUT_OF_RANGE;
  }
  gxf_result_t code = require_cuda(*this);
  if (code != GXF_SUCCESS) return code;
  const auto device_limit = static_cast<uint64_t>(std::max(device_max, device_initial));
  auto device = StreamOrderedPool::create(0, device_limit, device_limit,
                                          static_cast<uint64_t>(device_initial));
  if (!device) return device.error().code;
  device_ = std::move(device.value());
  host_ = std::make_shared<HostPool>();
  host_->max_size = static_cast<uint64_t>(std::max(host_max, host_initial));
  return GXF_SUCCESS;
}

gxf_result_t RMMAllocator::deinitialize() {
  device_.reset();  // memory still held by messages keeps its pool alive
  host_.reset();
  return GXF_SUCCESS;
}

gxf_result_t RMMAllocator::allocate(uint64_t size, MemoryStorageType type, void** pointer) {
  if (!device_) return GXF_INVALID_LIFECYCLE_STAGE;
  if (!pointer) return GXF_ARGUMENT_NULL;
  switch (type) {
    case MemoryStorageType::kDevice: return device_->allocate_sync(size, pointer);
    case MemoryStorageType::kHost: return host_->allocate(size, pointer);
    case MemoryStorageType::kSystem: break;
  }
  return fail(GXF_ARGUMENT_INVALID, "kSystem memory is not supported");
}

gxf_result_t RMMAllocator::free(void* pointer) {
  if (!device_) return GXF_INVALID_LIFECYCLE_STAGE;
  if (host_->holds(pointer)) return host_->release(pointer);
  return device_->release_sync(pointer);
}

std::shared_ptr<void> RMMAllocator::own(void* pointer) {
  if (!device_) return Allocator::own(pointer);
  if (host_->holds(pointer)) {
    return std::shared_ptr<void>(pointer, [host = host_](void* memory) { host->release(memory); });
  }
  return device_->own(pointer);
}

gxf_result_t RMMAllocator::allocate_async(uint64_t size, CudaStreamHandle stream,
                                          void** pointer) {
  if (!device_) return GXF_INVALID_LIFECYCLE_STAGE;
  return device_->allocate(size, stream, pointer);
}

gxf_result_t RMMAllocator::free_async(void* pointer, CudaStreamHandle stream) {
  if (!device_) return GXF_INVALID_LIFECYCLE_STAGE;
  return device_->release(pointer, stream, false);
}

uint64_t RMMAllocator::pool_size() const { return device_ ? device_->used() : 0; }

gxf_result_t RMMAllocator::HostPool::allocate(uint64_t size, void** pointer) {
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (used + size > max_size) return GXF_OUT_OF_MEMORY;
    used += size;
  }
  gxf_result_t code = allocate_storage(MemoryStorageType::kHost, size, 0, pointer);
  std::lock_guard<std::mutex> lock(mutex);
  if (code != GXF_SUCCESS) {
    used -= size;
    return code;
  }
  allocations[*pointer] = size;
  return GXF_SUCCESS;
}

gxf_result_t RMMAllocator::HostPool::release(void* pointer) {
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = allocations.find(pointer);
    if (it == allocations.end()) return GXF_ARGUMENT_INVALID;
    used -= it->second;
    allocations.erase(it);
  }
  free_storage(MemoryStorageType::kHost, pointer);
  return GXF_SUCCESS;
}

bool RMMAllocator::HostPool::holds(void* pointer) {
  std::lock_guard<std::mutex> lock(mutex);
  return allocations.count(pointer) != 0;
}

}  // namespace gxf
}  // namespace nvidia
