// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/gems/cuda_driver/cuda_driver.hpp"

#include <dlfcn.h>
#include <link.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

namespace {

// Driver API values used here (cuda.h); spelled out because no CUDA header is needed to build.
constexpr int kSuccess = 0;
constexpr int kErrorOutOfMemory = 2;
constexpr int kErrorNotInitialized = 3;
constexpr int kErrorNotReady = 600;
constexpr unsigned kMemHostAllocPortable = 0x01;
constexpr int kPointerAttributeMemoryType = 2;
constexpr int kPointerAttributeDeviceOrdinal = 9;
constexpr unsigned kMemoryTypeHost = 1;
constexpr unsigned kMemoryTypeDevice = 2;
constexpr unsigned kMemoryTypeUnified = 4;
constexpr int kMemPoolAttrReleaseThreshold = 4;
constexpr int kMemAllocationTypePinned = 1;
constexpr int kMemLocationTypeDevice = 1;

using CUdeviceptr = unsigned long long;  // NOLINT: the driver's type

// CUDA_MEMCPY2D (cuda.h; unchanged since CUDA 3.2).
struct Memcpy2D {
  size_t src_x_in_bytes = 0;
  size_t src_y = 0;
  unsigned src_memory_type = 0;
  const void* src_host = nullptr;
  CUdeviceptr src_device = 0;
  void* src_array = nullptr;
  size_t src_pitch = 0;
  size_t dst_x_in_bytes = 0;
  size_t dst_y = 0;
  unsigned dst_memory_type = 0;
  void* dst_host = nullptr;
  CUdeviceptr dst_device = 0;
  void* dst_array = nullptr;
  size_t dst_pitch = 0;
  size_t width_in_bytes = 0;
  size_t height = 0;
};

// Uploads below this size that the driver would run from the channel's command stream (in the
// time slice of the engine the process's context gets; tools/bench/cuda_copies.py: a 16 KB
// upload waits 1,100 us when 8 processes use the GPU, a 32 KB one 34 us).
constexpr size_t kSmallUploadBytes = 32 << 10;

// CUmemPoolProps: its size has stayed the same across CUDA 11-13 (reserved bytes shrink as
// fields are added), so zero-filling this layout and setting the leading fields is portable.
struct MemPoolProps {
  int alloc_type;
  int handle_types;
  int location_type;
  int location_id;
  void* win32_security_attributes;
  size_t max_size;
  unsigned short usage;  // NOLINT
  unsigned char reserved[54];
};

}  // namespace

struct CudaDriver::Api {
  int (*init)(unsigned);
  int (*device_get_count)(int*);
  int (*device_get)(int*, int);
  int (*primary_ctx_retain)(void**, int);
  int (*primary_ctx_get_state)(int, unsigned*, int*);  // optional
  int (*ctx_get_current)(void**);
  int (*ctx_set_current)(void*);
  int (*mem_alloc)(CUdeviceptr*, size_t);
  int (*mem_free)(CUdeviceptr);
  int (*mem_host_alloc)(void**, size_t, unsigned);
  int (*mem_free_host)(void*);
  int (*memcpy)(CUdeviceptr, CUdeviceptr, size_t);
  int (*memcpy_async)(CUdeviceptr, CUdeviceptr, size_t, void*);
  int (*memcpy_2d)(const Memcpy2D*);  // optional
  int (*memset_d8)(CUdeviceptr, unsigned char, size_t);
  int (*pointer_get_attribute)(void*, int, CUdeviceptr);
  int (*stream_create)(void**, unsigned, int);
  int (*stream_destroy)(void*);
  int (*stream_synchronize)(void*);
  int (*stream_query)(void*);
  int (*stream_wait_event)(void*, void*, unsigned);
  int (*launch_host_func)(void*, void (*)(void*), void*);
  int (*event_create)(void**, unsigned);
  int (*event_destroy)(void*);
  int (*event_record)(void*, void*);
  int (*event_query)(void*);
  int (*event_synchronize)(void*);
  int (*mem_pool_create)(void**, const MemPoolProps*);
  int (*mem_pool_destroy)(void*);
  int (*mem_pool_set_attribute)(void*, int, void*);
  int (*mem_pool_trim_to)(void*, size_t);
  int (*mem_alloc_from_pool_async)(CUdeviceptr*, size_t, void*, void*);
  int (*mem_free_async)(CUdeviceptr, void*);
  int (*get_error_name)(int, const char**);

  std::mutex contexts_mutex;
  std::vector<void*> primary_contexts;  // by device ordinal, retained for the process lifetime
};

namespace {

template <typename F>
bool load_symbol(void* library, const char* name, F* function) {
  *function = reinterpret_cast<F>(dlsym(library, name));
  return *function != nullptr;
}

using CtxGetCurrent = int (*)(void**);

// cuCtxGetCurrent of the CUDA driver where some code (ours, torch, CuPy) has loaded it into the
// process, else nullptr; never loads it (dlopen with RTLD_NOLOAD searches the library path,
// ~20 us). The loaded objects are searched again only when dl_iterate_phdr's count of objects
// ever added has moved.
CtxGetCurrent loaded_ctx_get_current() {
  static std::atomic<CtxGetCurrent> found{nullptr};
  static std::atomic<unsigned long long> searched_at{0};
  if (CtxGetCurrent function = found.load(std::memory_order_acquire)) return function;
  unsigned long long adds = 0;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        *static_cast<unsigned long long*>(data) = info->dlpi_adds;
        return 1;  // the count is the same in every entry
      },
      &adds);
  if (adds == searched_at.load(std::memory_order_relaxed)) return nullptr;
  std::string path;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        // libcuda.so.1, not libcudart.so
        if (!info->dlpi_name || !std::strstr(info->dlpi_name, "libcuda.so")) return 0;
        *static_cast<std::string*>(data) = info->dlpi_name;
        return 1;
      },
      &path);
  searched_at.store(adds, std::memory_order_relaxed);
  if (path.empty()) return nullptr;
  void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD);
  CtxGetCurrent function = nullptr;
  if (library) load_symbol(library, "cuCtxGetCurrent", &function);
  if (function) found.store(function, std::memory_order_release);
  return function;
}

CUdeviceptr as_device_pointer(const void* pointer) {
  return static_cast<CUdeviceptr>(reinterpret_cast<uintptr_t>(pointer));
}

}  // namespace

CudaDriver& CudaDriver::instance() {
  static CudaDriver* driver = new CudaDriver();  // never destroyed: used from exit handlers
  return *driver;
}

CudaDriver::CudaDriver() {
  const char* disabled = std::getenv("GXF_DISABLE_CUDA");
  if (disabled && disabled[0] != '\0' && std::strcmp(disabled, "0") != 0) {
    reason_ = "CUDA disabled by GXF_DISABLE_CUDA";
    return;
  }
  void* library = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!library) library = dlopen("libcuda.so", RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    reason_ = "no CUDA driver (libcuda.so.1 not found)";
    return;
  }
  auto api = std::make_unique<Api>();
  bool ok = load_symbol(library, "cuInit", &api->init) &&
            load_symbol(library, "cuDeviceGetCount", &api->device_get_count) &&
            load_symbol(library, "cuDeviceGet", &api->device_get) &&
            load_symbol(library, "cuDevicePrimaryCtxRetain", &api->primary_ctx_retain) &&
            load_symbol(library, "cuCtxGetCurrent", &api->ctx_get_current) &&
            load_symbol(library, "cuCtxSetCurrent", &api->ctx_set_current) &&
            load_symbol(library, "cuMemAlloc_v2", &api->mem_alloc) &&
            load_symbol(library, "cuMemFree_v2", &api->mem_free) &&
            load_symbol(library, "cuMemHostAlloc", &api->mem_host_alloc) &&
            load_symbol(library, "cuMemFreeHost", &api->mem_free_host) &&
            load_symbol(library, "cuMemcpy", &api->memcpy) &&
            load_symbol(library, "cuMemcpyAsync", &api->memcpy_async) &&
            load_symbol(library, "cuMemsetD8_v2", &api->memset_d8) &&
            load_symbol(library, "cuPointerGetAttribute", &api->pointer_get_attribute) &&
            load_symbol(library, "cuStreamCreateWithPriority", &api->stream_create) &&
            load_symbol(library, "cuStreamDestroy_v2", &api->stream_destroy) &&
            load_symbol(library, "cuStreamSynchronize", &api->stream_synchronize) &&
            load_symbol(library, "cuStreamQuery", &api->stream_query) &&
            load_symbol(library, "cuStreamWaitEvent", &api->stream_wait_event) &&
            load_symbol(library, "cuLaunchHostFunc", &api->launch_host_func) &&
            load_symbol(library, "cuEventCreate", &api->event_create) &&
            load_symbol(library, "cuEventDestroy_v2", &api->event_destroy) &&
            load_symbol(library, "cuEventRecord", &api->event_record) &&
            load_symbol(library, "cuEventQuery", &api->event_query) &&
            load_symbol(library, "cuEventSynchronize", &api->event_synchronize) &&
            load_symbol(library, "cuGetErrorName", &api->get_error_name);
  if (!ok) {
    reason_ = "the CUDA driver lacks a required function (driver too old)";
    return;
  }
  load_symbol(library, "cuDevicePrimaryCtxGetState", &api->primary_ctx_get_state);
  load_symbol(library, "cuMemcpy2D_v2", &api->memcpy_2d);
  // Stream-ordered allocation (CUDA 11.2+) is optional: only StreamOrderedAllocator needs it.
  load_symbol(library, "cuMemPoolCreate", &api->mem_pool_create);
  load_symbol(library, "cuMemPoolDestroy", &api->mem_pool_destroy);
  load_symbol(library, "cuMemPoolSetAttribute", &api->mem_pool_set_attribute);
  load_symbol(library, "cuMemPoolTrimTo", &api->mem_pool_trim_to);
  load_symbol(library, "cuMemAllocFromPoolAsync", &api->mem_alloc_from_pool_async);
  load_symbol(library, "cuMemFreeAsync", &api->mem_free_async);

  if (api->init(0) != kSuccess) {
    reason_ = "cuInit failed (no usable GPU or driver)";
    return;
  }
  int count = 0;
  if (api->device_get_count(&count) != kSuccess || count <= 0) {
    reason_ = "no CUDA device";
    return;
  }
  api->primary_contexts.assign(count, nullptr);
  device_count_ = count;
  api_ = api.release();
  available_ = true;
}

gxf_result_t CudaDriver::check(int status, const char* what) {
  if (status == kSuccess) return GXF_SUCCESS;
  if (status == kErrorNotReady) return GXF_NOT_FINISHED;
  const char* name = "unknown";
  if (api_ && api_->get_error_name) api_->get_error_name(status, &name);
  GXF_LOG_ERROR("CUDA %s failed: %s (%d)", what, name, status);
  return status == kErrorOutOfMemory ? GXF_OUT_OF_MEMORY : GXF_FAILURE;
}

gxf_result_t CudaDriver::make_current(int device) {
  if (!available_) return GXF_MEMORY_INVALID_STORAGE_MODE;
  if (device < 0) device = 0;
  if (device >= device_count_) {
    GXF_LOG_ERROR("CUDA device %d does not exist (%d device(s))", device, device_count_);
    return GXF_ARGUMENT_OUT_OF_RANGE;
  }
  void* context = nullptr;
  {
    std::lock_guard<std::mutex> lock(api_->contexts_mutex);
    context = api_->primary_contexts[device];
    if (!context) {
      int handle = 0;
      gxf_result_t code = check(api_->device_get(&handle, device), "cuDeviceGet");
      if (code != GXF_SUCCESS) return code;
      code = check(api_->primary_ctx_retain(&context, handle), "cuDevicePrimaryCtxRetain");
      if (code != GXF_SUCCESS) return code;
      api_->primary_contexts[device] = context;
    }
  }
  void* current = nullptr;
  if (api_->ctx_get_current(&current) == kSuccess && current == context) return GXF_SUCCESS;
  return check(api_->ctx_set_current(context), "cuCtxSetCurrent");
}

gxf_result_t CudaDriver::make_any_current() {
  if (!available_) return GXF_MEMORY_INVALID_STORAGE_MODE;
  void* current = nullptr;
  if (api_->ctx_get_current(&current) == kSuccess && current != nullptr) return GXF_SUCCESS;
  return make_current(0);
}

bool CudaDriver::any_context_active() {
  void* current = nullptr;
  if (api_->ctx_get_current(&current) == kSuccess && current != nullptr) return true;
  if (!api_->primary_ctx_get_state) return true;  // cannot tell: assume one
  for (int device = 0; device < device_count_; ++device) {
    int handle = 0;
    unsigned flags = 0;
    int active = 0;
    if (api_->device_get(&handle, device) != kSuccess) return true;
    if (api_->primary_ctx_get_state(handle, &flags, &active) != kSuccess || active) return true;
  }
  return false;
}

gxf_result_t CudaDriver::set_device(int device) { return make_current(device); }

CudaTraffic CudaDriver::traffic() const {
  CudaTraffic counts;
  counts.copies = copies_.load(std::memory_order_relaxed);
  counts.copy_bytes = copy_bytes_.load(std::memory_order_relaxed);
  counts.device_allocations = device_allocations_.load(std::memory_order_relaxed);
  counts.pinned_allocations = pinned_allocations_.load(std::memory_order_relaxed);
  return counts;
}

gxf_result_t CudaDriver::device_alloc(int device, size_t size, void** pointer) {
  gxf_result_t code = make_current(device);
  if (code != GXF_SUCCESS) return code;
  device_allocations_.fetch_add(1, std::memory_order_relaxed);
  CUdeviceptr address = 0;
  code = check(api_->mem_alloc(&address, size == 0 ? 1 : size), "cuMemAlloc");
  if (code == GXF_SUCCESS) *pointer = reinterpret_cast<void*>(static_cast<uintptr_t>(address));
  return code;
}

gxf_result_t CudaDriver::device_free(void* pointer) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->mem_free(as_device_pointer(pointer)), "cuMemFree");
}

gxf_result_t CudaDriver::pinned_alloc(size_t size, void** pointer) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  pinned_allocations_.fetch_add(1, std::memory_order_relaxed);
  return check(api_->mem_host_alloc(pointer, size == 0 ? 1 : size, kMemHostAllocPortable),
               "cuMemHostAlloc");
}

gxf_result_t CudaDriver::pinned_free(void* pointer) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->mem_free_host(pointer), "cuMemFreeHost");
}

gxf_result_t CudaDriver::copy(void* destination, const void* source, size_t size) {
  if (size == 0) return GXF_SUCCESS;
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  count_copy(size);
  return check(api_->memcpy(as_device_pointer(destination), as_device_pointer(source), size),
               "cuMemcpy");
}

gxf_result_t CudaDriver::copy_async(void* destination, const void* source, size_t size,
                                    CudaStreamHandle stream) {
  if (size == 0) return GXF_SUCCESS;
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  count_copy(size);
  return check(api_->memcpy_async(as_device_pointer(destination), as_device_pointer(source),
                                  size, stream),
               "cuMemcpyAsync");
}

gxf_result_t CudaDriver::upload(void* destination, const void* source, size_t size) {
  if (size < 2 || size >= kSmallUploadBytes || size % 2 != 0 || !api_ || !api_->memcpy_2d) {
    return copy(destination, source, size);
  }
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  count_copy(size);
  // The same bytes as two rows: a pitched copy goes to a copy engine, which other processes'
  // contexts do not hold up (28-30 us against 1,100 us with 8 processes busy on the GPU;
  // 7-9 us either way alone).
  Memcpy2D rows;
  rows.src_memory_type = kMemoryTypeHost;
  rows.src_host = source;
  rows.src_pitch = size / 2;
  rows.dst_memory_type = kMemoryTypeDevice;
  rows.dst_device = as_device_pointer(destination);
  rows.dst_pitch = size / 2;
  rows.width_in_bytes = size / 2;
  rows.height = 2;
  return check(api_->memcpy_2d(&rows), "cuMemcpy2D");
}

gxf_result_t CudaDriver::memset(void* destination, uint8_t value, size_t size) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->memset_d8(as_device_pointer(destination), value, size), "cuMemsetD8");
}

bool CudaDriver::is_device_pointer(const void* pointer, int* device) {
  if (!available_ || pointer == nullptr || make_any_current() != GXF_SUCCESS) return false;
  unsigned memory_type = 0;
  if (api_->pointer_get_attribute(&memory_type, kPointerAttributeMemoryType,
                                  as_device_pointer(pointer)) != kSuccess) {
    return false;  // pageable host memory is unknown to CUDA
  }
  if (memory_type != kMemoryTypeDevice && memory_type != kMemoryTypeUnified) return false;
  if (device) {
    int ordinal = 0;
    api_->pointer_get_attribute(&ordinal, kPointerAttributeDeviceOrdinal,
                                as_device_pointer(pointer));
    *device = ordinal;
  }
  return true;
}

bool CudaDriver::is_pinned_pointer(const void* pointer) {
  // Page-locked memory exists only once some context was made, and asking with none would
  // make one (the primary context's creation: ~100 ms on a large GPU), on the first host
  // array a host-only graph wraps.
  if (!available_ || pointer == nullptr || !any_context_active()) return false;
  if (make_any_current() != GXF_SUCCESS) return false;
  unsigned memory_type = 0;
  if (api_->pointer_get_attribute(&memory_type, kPointerAttributeMemoryType,
                                  as_device_pointer(pointer)) != kSuccess) {
    return false;
  }
  return memory_type == kMemoryTypeHost;
}

bool CudaDriver::is_pinned_host_memory(const void* pointer) {
  CtxGetCurrent ctx_get_current = loaded_ctx_get_current();
  if (!ctx_get_current) return false;  // no CUDA in the process: nothing is page-locked
  void* context = nullptr;
  if (ctx_get_current(&context) == kErrorNotInitialized) return false;
  CudaDriver& driver = instance();
  return driver.available() && driver.is_pinned_pointer(pointer);
}

gxf_result_t CudaDriver::stream_create(int device, uint32_t flags, int32_t priority,
                                       CudaStreamHandle* stream) {
  gxf_result_t code = make_current(device);
  if (code != GXF_SUCCESS) return code;
  return check(api_->stream_create(stream, flags, priority), "cuStreamCreateWithPriority");
}

gxf_result_t CudaDriver::stream_destroy(CudaStreamHandle stream) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->stream_destroy(stream), "cuStreamDestroy");
}

gxf_result_t CudaDriver::stream_synchronize(CudaStreamHandle stream) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->stream_synchronize(stream), "cuStreamSynchronize");
}

gxf_result_t CudaDriver::stream_query(CudaStreamHandle stream) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->stream_query(stream), "cuStreamQuery");
}

gxf_result_t CudaDriver::stream_wait_event(CudaStreamHandle stream, CudaEventHandle event) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->stream_wait_event(stream, event, 0), "cuStreamWaitEvent");
}

gxf_result_t CudaDriver::launch_host_function(CudaStreamHandle stream, CudaHostFunction function,
                                              void* user_data) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->launch_host_func(stream, function, user_data), "cuLaunchHostFunc");
}

gxf_result_t CudaDriver::stream_order(CudaStreamHandle producer, CudaStreamHandle waiter) {
  if (producer == waiter) return GXF_SUCCESS;
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  // One event per thread and context, recorded again on every call: a stream wait captures
  // the record made before it, so re-recording cannot disturb earlier waits, and a message hop
  // costs no event creation.
  struct OrderingEvent {
    const Api* api = nullptr;
    void* context = nullptr;
    CudaEventHandle event = nullptr;
    ~OrderingEvent() {
      if (event) api->event_destroy(event);
    }
  };
  thread_local OrderingEvent ordering;
  void* context = nullptr;
  api_->ctx_get_current(&context);
  if (ordering.event == nullptr || ordering.context != context) {
    if (ordering.event) api_->event_destroy(ordering.event);
    ordering.event = nullptr;
    code = check(api_->event_create(&ordering.event, kCudaEventDisableTiming), "cuEventCreate");
    if (code != GXF_SUCCESS) return code;
    ordering.api = api_;
    ordering.context = context;
  }
  code = check(api_->event_record(ordering.event, producer), "cuEventRecord");
  if (code != GXF_SUCCESS) return code;
  return check(api_->stream_wait_event(waiter, ordering.event, 0), "cuStreamWaitEvent");
}

gxf_result_t CudaDriver::event_create(int device, uint32_t flags, CudaEventHandle* event) {
  gxf_result_t code = make_current(device);
  if (code != GXF_SUCCESS) return code;
  return check(api_->event_create(event, flags), "cuEventCreate");
}

gxf_result_t CudaDriver::event_destroy(CudaEventHandle event) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->event_destroy(event), "cuEventDestroy");
}

gxf_result_t CudaDriver::event_record(CudaEventHandle event, CudaStreamHandle stream) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->event_record(event, stream), "cuEventRecord");
}

gxf_result_t CudaDriver::event_query(CudaEventHandle event) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->event_query(event), "cuEventQuery");
}

gxf_result_t CudaDriver::event_synchronize(CudaEventHandle event) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->event_synchronize(event), "cuEventSynchronize");
}

gxf_result_t CudaDriver::mem_pool_create(int device, uint64_t release_threshold,
                                         CudaMemPoolHandle* pool) {
  gxf_result_t code = make_current(device);
  if (code != GXF_SUCCESS) return code;
  if (!api_->mem_pool_create || !api_->mem_alloc_from_pool_async) {
    GXF_LOG_ERROR("the CUDA driver has no stream-ordered memory pools (needs CUDA 11.2+)");
    return GXF_NOT_IMPLEMENTED;
  }
  MemPoolProps props;
  std::memset(&props, 0, sizeof(props));
  props.alloc_type = kMemAllocationTypePinned;
  props.location_type = kMemLocationTypeDevice;
  props.location_id = device < 0 ? 0 : device;
  code = check(api_->mem_pool_create(pool, &props), "cuMemPoolCreate");
  if (code != GXF_SUCCESS) return code;
  return check(api_->mem_pool_set_attribute(*pool, kMemPoolAttrReleaseThreshold,
                                            &release_threshold),
               "cuMemPoolSetAttribute");
}

gxf_result_t CudaDriver::mem_pool_destroy(CudaMemPoolHandle pool) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->mem_pool_destroy(pool), "cuMemPoolDestroy");
}

gxf_result_t CudaDriver::mem_pool_trim(CudaMemPoolHandle pool, size_t keep) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->mem_pool_trim_to(pool, keep), "cuMemPoolTrimTo");
}

gxf_result_t CudaDriver::alloc_async(CudaMemPoolHandle pool, size_t size, CudaStreamHandle stream,
                                     void** pointer) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  device_allocations_.fetch_add(1, std::memory_order_relaxed);
  CUdeviceptr address = 0;
  code = check(api_->mem_alloc_from_pool_async(&address, size == 0 ? 1 : size, pool, stream),
               "cuMemAllocFromPoolAsync");
  if (code == GXF_SUCCESS) *pointer = reinterpret_cast<void*>(static_cast<uintptr_t>(address));
  return code;
}

gxf_result_t CudaDriver::free_async(void* pointer, CudaStreamHandle stream) {
  gxf_result_t code = make_any_current();
  if (code != GXF_SUCCESS) return code;
  return check(api_->mem_free_async(as_device_pointer(pointer), stream), "cuMemFreeAsync");
}

}  // namespace gxf
}  // namespace nvidia
