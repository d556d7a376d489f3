// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "gxf/serialization/endpoint.hpp"

namespace nvidia {
namespace gxf {

// A C stdio file as an endpoint. Not a graph component: EntityRecorder, EntityReplayer and
// File own one each. Errors name the file and the OS's reason.
class FileStream : public Endpoint {
 public:
  FileStream() = default;
  ~FileStream() override { close(); }
  FileStream(const FileStream&) = delete;
  FileStream& operator=(const FileStream&) = delete;

  // Opens `path` with an fopen `mode` ("rb", "wb", "wb+", ...); `buffer` (may be null) of
  // `buffer_size` bytes becomes the stdio buffer and must outlive the stream.
  Result open(const std::string& path, const std::string& mode, void* buffer = nullptr,
              size_t buffer_size = 0);
  Result close();
  bool is_open() const { return file_ != nullptr; }
  const std::string& path() const { return path_; }

  Expected<size_t> write(const void* data, size_t size) override;
  Expected<size_t> read(void* data, size_t size) override;
  uint64_t readable() const override;

  Result flush();
  Result seek(uint64_t offset);
  Expected<uint64_t> tell() const;
  // True once a read hit the end of the file.
  bool at_end() const { return file_ != nullptr && std::feof(file_) != 0; }
  // Forgets an end-of-file or error state.
  void clear() {
    if (file_) std::clearerr(file_);
  }

 private:
  Unexpected failure(gxf_result_t code, const std::string& what) const;

  std::FILE* file_ = nullptr;
  std::string path_;
};

}  // namespace gxf
}  // namespace nvidia
