// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/deferred_releases.hpp"

#include <atomic>

namespace nvidia {
namespace gxf {

namespace {
std::atomic<DeferredReleaseDrain> drain_{nullptr};
}  // namespace

void set_deferred_release_drain(DeferredReleaseDrain drain) { drain_.store(drain); }

void run_deferred_releases() {
  // The drain itself returns after one relaxed load when nothing is queued.
  if (DeferredReleaseDrain drain = drain_.load(std::memory_order_acquire)) drain();
}

}  // namespace gxf
}  // namespace nvidia
