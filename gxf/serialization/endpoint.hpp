// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "gxf/core/component.hpp"
#include "gxf/core/expected.hpp"

namespace nvidia {
namespace gxf {

// Where serialized bytes go to and come from: a memory buffer, a file, a UCX message. Writes
// and reads are all-or-nothing: a short transfer is an error with its reason, so a serializer
// never has to check byte counts.
class Endpoint : public Component {
 public:
  virtual Expected<size_t> write(const void* data, size_t size) = 0;
  virtual Expected<size_t> read(void* data, size_t size) = 0;
  // Bytes a read can still return, when the endpoint knows; deserializers check a size read
  // from the data against it before allocating, so corrupt bytes cannot ask for gigabytes.
  virtual uint64_t readable() const { return std::numeric_limits<uint64_t>::max(); }

  // The wire format is little-endian and packed; the engine only builds on little-endian
  // hosts (checked at compile time below), so trivial types go as they are in memory.
  template <typename T>
  Expected<size_t> write_trivial(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>, "write_trivial needs a trivial type");
    return write(&value, sizeof(T));
  }
  template <typename T>
  Expected<size_t> read_trivial(T* value) {
    static_assert(std::is_trivially_copyable_v<T>, "read_trivial needs a trivial type");
    return read(value, sizeof(T));
  }
};

// Fails `component`'s lifecycle call with `error` and its reason (see Component::fail).
inline gxf_result_t fail_with(const Component& component, const Error& error) {
  return component.fail(error.code, "%s", error.what().c_str());
}

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "GXF's serialization format is little-endian; this host is not");

}  // namespace gxf
}  // namespace nvidia
