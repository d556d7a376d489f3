// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "gxf/core/handle.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/serialization/file_stream.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/std/memory_buffer.hpp"

namespace nvidia {
namespace gxf {

// A file as a graph component and endpoint: opened at initialize when `file_path` is set
// (with `file_mode`, fopen's modes), or later with open(); its stdio buffer of `buffer_size`
// bytes comes from `allocator`.
class File : public Endpoint {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  Expected<size_t> write(const void* data, size_t size) override { return stream_.write(data, size); }
  Expected<size_t> read(void* data, size_t size) override { return stream_.read(data, size); }
  uint64_t readable() const override { return stream_.readable(); }

  // Opens `path` (default: the file_path parameter) with `mode` (default: file_mode).
  Result open(const std::string& path = {}, const std::string& mode = {});
  Result close() { return stream_.close(); }
  bool is_open() const { return stream_.is_open(); }
  Result flush() { return stream_.flush(); }
  Result seek(uint64_t offset) { return stream_.seek(offset); }
  Expected<uint64_t> tell() const { return stream_.tell(); }
  bool at_end() const { return stream_.at_end(); }
  void clear() { stream_.clear(); }

 private:
  Parameter<Handle<Allocator>> allocator_;
  Parameter<std::string> file_path_;
  Parameter<std::string> file_mode_;
  Parameter<uint64_t> buffer_size_;
  MemoryBuffer buffer_;
  FileStream stream_;
};

}  // namespace gxf
}  // namespace nvidia
