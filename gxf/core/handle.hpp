// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/result.hpp"

namespace nvidia {
namespace gxf {

// A typed, non-owning reference to a component. Components live as long as their entity,
// which outlives every handle held by the graph's components.
template <typename T>
class Handle {
 public:
  Handle() = default;
  explicit Handle(T* pointer) : pointer_(pointer) {}
  static Handle Null() { return Handle(); }

  T* get() const { return pointer_; }
  T* operator->() const { return pointer_; }
  T& operator*() const { return *pointer_; }
  explicit operator bool() const { return pointer_ != nullptr; }
  bool is_null() const { return pointer_ == nullptr; }
  bool operator==(const Handle& other) const { return pointer_ == other.pointer_; }
  gxf_uid_t cid() const;

 private:
  T* pointer_ = nullptr;
};

}  // namespace gxf
}  // namespace nvidia
