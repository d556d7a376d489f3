// SPDX-License-Identifier: Apache-2.0
#include "gxf/serialization/file_stream.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace nvidia {
namespace gxf {

Unexpected FileStream::failure(gxf_result_t code, const std::string& what) const {
  const int error = errno;
  std::string message = "file '" + path_ + "': " + what;
  if (error != 0) message += std::string(" (") + std::strerror(error) + ")";
  return make_error(code, message);
}

Result FileStream::open(const std::string& path, const std::string& mode, void* buffer,
                        size_t buffer_size) {
  close();
  path_ = path;
  errno = 0;
  file_ = std::fopen(path.c_str(), mode.c_str());
  if (file_ == nullptr) return failure(GXF_FAILURE, "cannot open with mode '" + mode + "'");
  if (buffer != nullptr && buffer_size > 0) {
    std::setvbuf(file_, static_cast<char*>(buffer), _IOFBF, buffer_size);
  }
  return Result();
}

Result FileStream::close() {
  if (file_ == nullptr) return Result();
  errno = 0;
  const int code = std::fclose(file_);
  file_ = nullptr;
  if (code != 0) return failure(GXF_FAILURE, "closing failed");
  return Result();
}

Expected<size_t> FileStream::write(const void* data, size_t size) {
  if (file_ == nullptr) return failure(GXF_NULL_POINTER, "write to a file that is not open");
  errno = 0;
  if (size > 0 && std::fwrite(data, 1, size, file_) != size) {
    return failure(GXF_FAILURE, "write of " + std::to_string(size) + " bytes failed");
  }
  return size;
}

Expected<size_t> FileStream::read(void* data, size_t size) {
  if (file_ == nullptr) return failure(GXF_NULL_POINTER, "read from a file that is not open");
  errno = 0;
  if (size > 0 && std::fread(data, 1, size, file_) != size) {
    if (std::feof(file_)) {
      errno = 0;
      return failure(GXF_EXCEEDING_PREALLOCATED_SIZE,
                     "ends in the middle of a " + std::to_string(size) + "-byte read");
    }
    return failure(GXF_FAILURE, "read of " + std::to_string(size) + " bytes failed");
  }
  return size;
}

uint64_t FileStream::readable() const {
  struct stat status;
  const long position = file_ ? std::ftell(file_) : -1;
  if (position < 0 || fstat(fileno(file_), &status) != 0 || !S_ISREG(status.st_mode)) {
    return Endpoint::readable();
  }
  const auto size = static_cast<uint64_t>(status.st_size);
  return size > static_cast<uint64_t>(position) ? size - static_cast<uint64_t>(position) : 0;
}

Result FileStream::flush() {
  if (file_ == nullptr) return Result();
  errno = 0;
  if (std::fflush(file_) != 0) return failure(GXF_FAILURE, "flush failed");
  return Result();
}

Result FileStream::seek(uint64_t offset) {
  if (file_ == nullptr) return failure(GXF_NULL_POINTER, "seek in a file that is not open");
  errno = 0;
  if (std::fseek(file_, static_cast<long>(offset), SEEK_SET) != 0) {
    return failure(GXF_FAILURE, "seek to byte " + std::to_string(offset) + " failed");
  }
  return Result();
}

Expected<uint64_t> FileStream::tell() const {
  if (file_ == nullptr) return failure(GXF_NULL_POINTER, "tell on a file that is not open");
  errno = 0;
  const long position = std::ftell(file_);
  if (position < 0) return failure(GXF_FAILURE, "tell failed");
  return static_cast<uint64_t>(position);
}

}  // namespace gxf
}  // namespace nvidia
