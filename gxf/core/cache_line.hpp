// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <new>

namespace nvidia {
namespace gxf {

// The unit of sharing between cores. Data that different workers write (a job, a queue's
// ring, a component, a message entity) gets lines of its own: two such objects on one line
// make each other's writes miss on every message (false sharing).
constexpr size_t kCacheLine = 64;

// `bytes` rounded up to whole cache lines, starting on a line: nothing else shares them.
inline void* allocate_cache_lines(size_t bytes) {
  return ::operator new((bytes + kCacheLine - 1) / kCacheLine * kCacheLine,
                        std::align_val_t(kCacheLine));
}

inline void free_cache_lines(void* pointer) {
  ::operator delete(pointer, std::align_val_t(kCacheLine));
}

}  // namespace gxf
}  // namespace nvidia
