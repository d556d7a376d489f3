// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <utility>

#include "gxf/core/component.hpp"
#include "gxf/core/entity.hpp"
#include "gxf/flow/metadata.hpp"

namespace nvidia {
namespace gxf {
namespace flow {

// The message component carrying a buffer's BatchMeta from stage to stage, by reference: the
// Python Buffer and every message it travels in share one BatchMeta, so what a C++ component
// writes into it a Python stage downstream reads, and the other way round. Pooled with its
// message (reset_for_reuse), so a hop allocates nothing.
class BatchMetaComponent : public Component {
 public:
  ~BatchMetaComponent() override;
  const std::shared_ptr<BatchMeta>& batch_meta() const { return batch_meta_; }
  void set_batch_meta(std::shared_ptr<BatchMeta> batch_meta) { batch_meta_ = std::move(batch_meta); }
  bool reset_for_reuse() override {
    batch_meta_.reset();
    return true;
  }

 private:
  std::shared_ptr<BatchMeta> batch_meta_;
};

// The BatchMeta `message` carries, or null.
inline BatchMeta* find_batch_meta(const Entity& message) {
  auto* component = message.find<BatchMetaComponent>();
  return component ? component->batch_meta().get() : nullptr;
}

}  // namespace flow
}  // namespace gxf
}  // namespace nvidia
