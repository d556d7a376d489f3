// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>

#include "gxf/core/component.hpp"
#include "gxf/cuda/cuda_allocator.hpp"
#include "gxf/cuda/cuda_stream.hpp"
#include "gxf/cuda/cuda_stream_pool.hpp"

namespace nvidia {
namespace gxf {

// Message component: one block of device memory allocated in stream order. The memory is
// usable once the work queued on the buffer's stream before resize_async() is done: a host
// callback then moves the state to kDataAvailable. The buffer owns its stream (taken from a
// CudaStreamPool) unless transfer_stream_ownership() hands it on.
class CudaBuffer : public Component {
 public:
  enum class State : int8_t { kUnset = 0, kCallbackRegistered, kDataAvailable };

  ~CudaBuffer() override;

  // Frees the current memory, then allocates `size` bytes on `stream` (a new one from
  // `stream_pool` when null).
  gxf_result_t resize_async(CudaAllocator* allocator, CudaStreamPool* stream_pool, uint64_t size,
                            CudaStream* stream = nullptr);
  gxf_result_t free_buffer();

  State state() const { return state_.load(); }
  void* pointer() const { return pointer_; }
  uint64_t size() const { return size_; }
  CudaStream* stream() const { return stream_; }
  CudaStreamPool* stream_pool() const { return stream_pool_; }
  // The caller takes over the stream: it is no longer released with this buffer.
  CudaStream* transfer_stream_ownership();
  // Runs `function(user_data)` on a CUDA thread once the work queued so far is done.
  gxf_result_t register_callback_on_stream(CudaHostFunction function, void* user_data);

 private:
  static void on_data_available(void* buffer);

  std::atomic<State> state_{State::kUnset};
  std::atomic<bool> stream_owner_{true};
  void* pointer_ = nullptr;
  uint64_t size_ = 0;
  CudaAllocator* allocator_ = nullptr;
  CudaStream* stream_ = nullptr;
  CudaStreamPool* stream_pool_ = nullptr;
};

}  // namespace gxf
}  // namespace nvidia
