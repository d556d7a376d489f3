// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <mutex>
#include <vector>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

// Keeps the first messages a data source sends (up to the size the BenchmarkController sets)
// so a BenchmarkPublisher can replay them at full speed; later messages are dropped.
class EntityBuffer : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;
  gxf_result_t stop() override;

  // 0: no limit (until the controller sets one).
  void set_max_buffer_size(size_t size);
  bool is_buffer_full() const;
  size_t size() const;
  // The buffered message at `index` modulo the buffer's size; null when empty.
  EntityRef at_cyclic(size_t index) const;

 private:
  bool is_full_locked() const { return max_size_ > 0 && buffer_.size() >= max_size_; }

  Parameter<Handle<Receiver>> receiver_;
  // The controller and publishers read the buffer from other worker threads.
  mutable std::mutex mutex_;
  std::vector<EntityRef> buffer_;
  size_t max_size_ = 0;
};

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
