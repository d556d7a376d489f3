// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

#include "gxf/core/result.hpp"

namespace nvidia {
namespace gxf {

// Opaque CUDA handles, ABI-compatible with the driver's CUstream/CUevent/CUmemoryPool and the
// runtime's cudaStream_t/cudaEvent_t (the same pointers), so CuPy and PyTorch can use them.
using CudaStreamHandle = void*;
using CudaEventHandle = void*;
using CudaMemPoolHandle = void*;
using CudaHostFunction = void (*)(void* user_data);

// cuEventCreate's flag for events that only order work (cheaper to record and wait for).
constexpr uint32_t kCudaEventDisableTiming = 0x2;

// Special stream values of the driver API.
inline CudaStreamHandle cuda_legacy_stream() { return reinterpret_cast<CudaStreamHandle>(0x1); }
inline CudaStreamHandle cuda_per_thread_stream() {
  return reinterpret_cast<CudaStreamHandle>(0x2);
}

// The CUDA driver API, loaded with dlopen("libcuda.so.1") the first time device memory,
// pinned memory, a stream or an event is asked for. Nothing links CUDA at build time, so the
// engine builds and runs where there is no CUDA at all; callers check available() (or the
// GXF code a call returns) and fall back or fail cleanly.
//
// Every call makes the primary context of the device it works on current on the calling
// thread first. Primary contexts are what the CUDA runtime uses, so pointers, streams and
// events are shared with CuPy, PyTorch and any cudart-based code in the process.
//
// Setting GXF_DISABLE_CUDA=1 in the environment makes the engine behave as if no driver was
// installed (CPU-only behaviour on a GPU machine, used by tests).
// How many driver calls moved or allocated memory, counted for the whole process so that a
// benchmark or test can show a path makes none per frame (tools/bench/tensor.py prints them).
struct CudaTraffic {
  uint64_t copies = 0;              // cuMemcpy / cuMemcpyAsync (host<->device or device<->device)
  uint64_t copy_bytes = 0;
  uint64_t device_allocations = 0;  // cuMemAlloc / cuMemAllocFromPoolAsync
  uint64_t pinned_allocations = 0;  // cuMemHostAlloc
};

class CudaDriver {
 public:
  static CudaDriver& instance();

  // The counts so far (relaxed reads: a tally, not a synchronisation point).
  CudaTraffic traffic() const;

  bool available() const { return available_; }
  // Why CUDA is unavailable ("" when it is available).
  const std::string& unavailable_reason() const { return reason_; }
  int device_count() const { return device_count_; }

  // Memory
  gxf_result_t device_alloc(int device, size_t size, void** pointer);
  gxf_result_t device_free(void* pointer);
  gxf_result_t pinned_alloc(size_t size, void** pointer);
  gxf_result_t pinned_free(void* pointer);
  // Copies between any two of device, pinned and pageable host memory (unified addressing).
  gxf_result_t copy(void* destination, const void* source, size_t size);
  gxf_result_t copy_async(void* destination, const void* source, size_t size,
                          CudaStreamHandle stream);
  // copy() from host (pageable or page-locked) to device memory. Uploads under 32 KB of an
  // even size go as a two-row pitched copy, which the driver runs on a copy engine: a plain
  // small upload waits for the GPU's time slice whenever other processes use it too.
  gxf_result_t upload(void* destination, const void* source, size_t size);
  gxf_result_t memset(void* destination, uint8_t value, size_t size);
  // True when `pointer` is device (or managed) memory of this process; *device gets its
  // ordinal. False for host memory, also when CUDA is unavailable.
  bool is_device_pointer(const void* pointer, int* device = nullptr);
  // True when `pointer` is page-locked host memory allocated or registered with CUDA. Makes
  // no context: with none active in the process, no memory is page-locked yet.
  bool is_pinned_pointer(const void* pointer);
  // The same for memory a host array hands over, without initializing the driver: false at
  // once while no code in the process has loaded and initialized CUDA (cuInit alone takes
  // ~0.2 s on a large GPU, paid by the first host array a host-only graph wrapped).
  static bool is_pinned_host_memory(const void* pointer);

  // Streams
  gxf_result_t stream_create(int device, uint32_t flags, int32_t priority,
                             CudaStreamHandle* stream);
  gxf_result_t stream_destroy(CudaStreamHandle stream);
  gxf_result_t stream_synchronize(CudaStreamHandle stream);
  // GXF_SUCCESS when all work queued on the stream is done, GXF_NOT_FINISHED otherwise.
  gxf_result_t stream_query(CudaStreamHandle stream);
  gxf_result_t stream_wait_event(CudaStreamHandle stream, CudaEventHandle event);
  gxf_result_t launch_host_function(CudaStreamHandle stream, CudaHostFunction function,
                                    void* user_data);
  // Makes `waiter` wait for everything queued so far on `producer` (event record + wait).
  gxf_result_t stream_order(CudaStreamHandle producer, CudaStreamHandle waiter);

  // Events
  gxf_result_t event_create(int device, uint32_t flags, CudaEventHandle* event);
  gxf_result_t event_destroy(CudaEventHandle event);
  gxf_result_t event_record(CudaEventHandle event, CudaStreamHandle stream);
  // GXF_SUCCESS when the event completed, GXF_NOT_FINISHED while pending.
  gxf_result_t event_query(CudaEventHandle event);
  gxf_result_t event_synchronize(CudaEventHandle event);

  // Stream-ordered memory pools
  gxf_result_t mem_pool_create(int device, uint64_t release_threshold, CudaMemPoolHandle* pool);
  gxf_result_t mem_pool_destroy(CudaMemPoolHandle pool);
  gxf_result_t mem_pool_trim(CudaMemPoolHandle pool, size_t keep);
  gxf_result_t alloc_async(CudaMemPoolHandle pool, size_t size, CudaStreamHandle stream,
                           void** pointer);
  gxf_result_t free_async(void* pointer, CudaStreamHandle stream);

  // Makes the device's primary context current on this thread (what cudaSetDevice does).
  gxf_result_t set_device(int device);

 private:
  CudaDriver();
  struct Api;
  gxf_result_t check(int status, const char* what);
  gxf_result_t make_current(int device);
  gxf_result_t make_any_current();
  // True when this thread has a current context or any device's primary context is active
  // (other threads' non-primary contexts are not seen: libraries use the primary ones).
  bool any_context_active();
  void count_copy(size_t size) {
    copies_.fetch_add(1, std::memory_order_relaxed);
    copy_bytes_.fetch_add(size, std::memory_order_relaxed);
  }

  // Relaxed atomics: counting must not order or slow the calls it counts.
  std::atomic<uint64_t> copies_{0};
  std::atomic<uint64_t> copy_bytes_{0};
  std::atomic<uint64_t> device_allocations_{0};
  std::atomic<uint64_t> pinned_allocations_{0};

  Api* api_ = nullptr;
  bool available_ = false;
  int device_count_ = 0;
  std::string reason_;
};

// True when CUDA can be used (driver present, at least one device, not disabled).
inline bool cuda_available() { return CudaDriver::instance().available(); }

}  // namespace gxf
}  // namespace nvidia
