// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/mock_allocator.hpp"

#include "gxf/std/storage.hpp"

#include <cstdlib>

#include "gxf/core/entity.hpp"
#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {

namespace {

const char* const kStorageNames[] = {"Host", "Device", "System"};

}  // namespace

gxf_result_t MockAllocator::register_interface(Registrar* registrar) {
  registrar->parameter(ignore_memory_leak_, "ignore_memory_leak", "Ignore memory leak",
                       "Do not fail deinitialize when blocks are still allocated", false);
  registrar->parameter(fail_on_free_, "fail_on_free", "Fail on free",
                       "Every free fails with GXF_FAILURE", false);
  registrar->parameter(max_block_size_, "max_block_size", "Max block size",
                       "Largest block that can be allocated", kParameterFlagsOptional);
  registrar->parameter(max_host_allocation_, "max_host_allocation", "Max host allocation",
                       "Host memory that may be held at once", kParameterFlagsOptional);
  registrar->parameter(max_device_allocation_, "max_device_allocation", "Max device allocation",
                       "Device memory that may be held at once", kParameterFlagsOptional);
  registrar->parameter(max_system_allocation_, "max_system_allocation", "Max system allocation",
                       "System memory that may be held at once", kParameterFlagsOptional);
  return GXF_SUCCESS;
}

gxf_result_t MockAllocator::initialize() {
  std::lock_guard<std::mutex> lock(mutex_);
  blocks_.clear();
  allocated_ = {};
  total_ = {};
  initialized_ = true;
  return GXF_SUCCESS;
}

gxf_result_t MockAllocator::deinitialize() {
  log_usage();
  std::lock_guard<std::mutex> lock(mutex_);
  initialized_ = false;
  if (blocks_.empty()) return GXF_SUCCESS;
  GXF_LOG_WARNING("[%s/%s] Blocks Lost: %zu { Host: %lu (%luB) | Device: %lu (%luB) | "
                  "System: %lu (%luB) }",
                  entity()->name().c_str(), name().c_str(), blocks_.size(),
                  static_cast<unsigned long>(allocated_[0].blocks),
                  static_cast<unsigned long>(allocated_[0].bytes),
                  static_cast<unsigned long>(allocated_[1].blocks),
                  static_cast<unsigned long>(allocated_[1].bytes),
                  static_cast<unsigned long>(allocated_[2].blocks),
                  static_cast<unsigned long>(allocated_[2].bytes));
  // The leaked blocks are released anyway, so a failing test does not also leak memory.
  for (const auto& block : blocks_) free_storage(block.second.type, block.first);
  blocks_.clear();
  return ignore_memory_leak_.get() ? GXF_SUCCESS : GXF_FAILURE;
}

void MockAllocator::log_usage() const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t i = 0; i < total_.size(); ++i) {
    GXF_LOG_INFO("[%s/%s] %s: %lu block(s), %lu bytes allocated in total",
                 entity()->name().c_str(), name().c_str(), kStorageNames[i],
                 static_cast<unsigned long>(total_[i].blocks),
                 static_cast<unsigned long>(total_[i].bytes));
  }
}

bool MockAllocator::is_available(uint64_t size) const {
  auto max_block = max_block_size_.try_get();
  return !max_block || size <= *max_block;
}

gxf_result_t MockAllocator::check_limits(uint64_t size, MemoryStorageType type) const {
  if (!is_available(size)) return GXF_EXCEEDING_PREALLOCATED_SIZE;
  const Parameter<uint64_t>* limits[] = {&max_host_allocation_, &max_device_allocation_,
                                         &max_system_allocation_};
  if (slot(type) >= 3) return GXF_ARGUMENT_INVALID;
  auto limit = limits[slot(type)]->try_get();
  if (limit && allocated_[slot(type)].bytes + size > *limit) {
    return GXF_EXCEEDING_PREALLOCATED_SIZE;
  }
  return GXF_SUCCESS;
}

gxf_result_t MockAllocator::allocate(uint64_t size, MemoryStorageType type, void** pointer) {
  if (!pointer) return GXF_ARGUMENT_NULL;
  std::lock_guard<std::mutex> lock(mutex_);
  if (!initialized_) {
    return fail(GXF_INVALID_LIFECYCLE_STAGE, "allocate before initialize");
  }
  gxf_result_t code = check_limits(size, type);
  if (code != GXF_SUCCESS) return code;
  void* memory = nullptr;
  // Host (pinned) and device memory come from the CUDA driver when one is present.
  code = allocate_storage(type, size == 0 ? 1 : size, 0, &memory);
  if (code != GXF_SUCCESS) {
    return fail(code, "cannot allocate %lu bytes: %s", static_cast<unsigned long>(size),
                result_str(code));
  }
  blocks_[memory] = Block{type, size};
  for (auto* usage : {&allocated_[slot(type)], &total_[slot(type)]}) {
    ++usage->blocks;
    usage->bytes += size;
  }
  *pointer = memory;
  return GXF_SUCCESS;
}

gxf_result_t MockAllocator::free(void* pointer) {
  if (fail_on_free_.get()) return fail(GXF_FAILURE, "failing free() as asked (fail_on_free)");
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = blocks_.find(pointer);
  if (it == blocks_.end()) return GXF_ARGUMENT_INVALID;
  Usage& usage = allocated_[slot(it->second.type)];
  --usage.blocks;
  usage.bytes -= it->second.size;
  MemoryStorageType type = it->second.type;
  blocks_.erase(it);
  free_storage(type, pointer);
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
