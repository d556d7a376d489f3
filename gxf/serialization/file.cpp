// SPDX-License-Identifier: Apache-2.0
#include "gxf/serialization/file.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t File::register_interface(Registrar* registrar) {
  registrar->parameter(allocator_, "allocator", "Allocator",
                       "Memory allocator for stream buffer");
  registrar->parameter(file_path_, "file_path", "File Path", "Path to file", std::string());
  registrar->parameter(file_mode_, "file_mode", "File Mode",
                       "Access mode for file (\"wb+\" by default), as C's fopen takes it",
                       std::string("wb+"));
  registrar->parameter(buffer_size_, "buffer_size", "Buffer Size",
                       "Size of the stream buffer in bytes (2MB by default)", uint64_t{1} << 21);
  return GXF_SUCCESS;
}

gxf_result_t File::initialize() {
  const gxf_result_t code =
      buffer_.resize(allocator_.get().get(), buffer_size_.get(), MemoryStorageType::kSystem);
  if (code != GXF_SUCCESS) {
    return fail(code, "cannot allocate the %llu-byte stream buffer",
                static_cast<unsigned long long>(buffer_size_.get()));
  }
  if (file_path_.get().empty()) return GXF_SUCCESS;
  Result opened = open();
  return opened ? GXF_SUCCESS : fail_with(*this, opened.error());
}

gxf_result_t File::deinitialize() {
  Result closed = stream_.close();
  buffer_.free_buffer();
  return closed ? GXF_SUCCESS : fail_with(*this, closed.error());
}

Result File::open(const std::string& path, const std::string& mode) {
  return stream_.open(path.empty() ? file_path_.get() : path,
                      mode.empty() ? file_mode_.get() : mode, buffer_.pointer(), buffer_.size());
}

}  // namespace gxf
}  // namespace nvidia
