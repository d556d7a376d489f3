// SPDX-License-Identifier: Apache-2.0
#include "gxf/serialization/entity_recorder.hpp"

#include <chrono>

namespace nvidia {
namespace gxf {

namespace {
constexpr size_t kEntityBufferSize = size_t{1} << 20;
}  // namespace

gxf_result_t EntityRecorder::register_interface(Registrar* registrar) {
  registrar->parameter(receiver_, "receiver", "Entity receiver", "Receiver channel to log");
  registrar->parameter(entity_serializer_, "entity_serializer", "Entity serializer",
                       "Serializer for serializing entities");
  registrar->parameter(directory_, "directory", "Directory path",
                       "Directory path for storing files");
  registrar->parameter(basename_, "basename", "Base file name",
                       "User specified file name without extension", kParameterFlagsOptional);
  registrar->parameter(flush_on_tick_, "flush_on_tick", "Flush on tick",
                       "Flushes output buffer on every tick when true", false);
  return GXF_SUCCESS;
}

gxf_result_t EntityRecorder::initialize() {
  const auto basename = basename_.try_get();
  const std::string base =
      directory_.get() + '/' + (basename ? *basename : receiver_.get()->name());
  entity_buffer_.resize(kEntityBufferSize);
  Result opened = index_file_.open(base + kIndexFileExtension, "wb");
  if (opened) {
    opened = entity_file_.open(base + kEntityFileExtension, "wb", entity_buffer_.data(),
                               entity_buffer_.size());
  }
  if (!opened) {
    index_file_.close();
    return fail_with(*this, opened.error());
  }
  entity_file_offset_ = 0;
  return GXF_SUCCESS;
}

gxf_result_t EntityRecorder::deinitialize() {
  Result closed = entity_file_.close();
  Result index_closed = index_file_.close();
  if (!closed) return fail_with(*this, closed.error());
  if (!index_closed) {
    return fail_with(*this, index_closed.error());
  }
  return GXF_SUCCESS;
}

gxf_result_t EntityRecorder::tick() {
  EntityRef message = receiver_.get()->receive();
  if (!message) return fail(GXF_CONTRACT_MESSAGE_NOT_AVAILABLE, "no message to record");
  auto size = entity_serializer_.get()->serialize_entity(*message.get(), &entity_file_);
  if (!size) return fail_with(*this, size.error());
  const EntityIndex index{
      static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count()),
      size.value(), entity_file_offset_};
  auto written = index_file_.write_trivial(index);
  if (!written) return fail_with(*this, written.error());
  entity_file_offset_ += size.value();
  if (flush_on_tick_.get()) {
    Result flushed = entity_file_.flush();
    if (flushed) flushed = index_file_.flush();
    if (!flushed) return fail_with(*this, flushed.error());
  }
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
