// SPDX-License-Identifier: Apache-2.0
#include "gxf/serialization/entity_replayer.hpp"

#include <cinttypes>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t EntityReplayer::register_interface(Registrar* registrar) {
  registrar->parameter(transmitter_, "transmitter", "Entity transmitter",
                       "Transmitter channel for replaying entities");
  registrar->parameter(entity_serializer_, "entity_serializer", "Entity serializer",
                       "Serializer for serializing entities");
  registrar->parameter(boolean_scheduling_term_, "boolean_scheduling_term",
                       "BooleanSchedulingTerm",
                       "BooleanSchedulingTerm to stop the codelet from ticking after all "
                       "messages are published.");
  registrar->parameter(directory_, "directory", "Directory path",
                       "Directory path for storing files");
  registrar->parameter(basename_, "basename", "Base file name",
                       "User specified file name without extension", kParameterFlagsOptional);
  registrar->parameter(batch_size_, "batch_size", "Batch Size",
                       "Number of entities to read and publish for one tick", uint64_t{1});
  registrar->parameter(ignore_corrupted_entities_, "ignore_corrupted_entities",
                       "Ignore Corrupted Entities",
                       "If an entity could not be deserialized, it is ignored by default; "
                       "otherwise a failure is generated.",
                       true);
  return GXF_SUCCESS;
}

gxf_result_t EntityReplayer::initialize() {
  const auto basename = basename_.try_get();
  const std::string base = directory_.get() + '/' + (basename ? *basename : name());
  Result opened = index_file_.open(base + kIndexFileExtension, "rb");
  if (opened) opened = entity_file_.open(base + kEntityFileExtension, "rb");
  if (!opened) {
    index_file_.close();
    return fail_with(*this, opened.error());
  }
  replayed_ = 0;
  entries_ = 0;
  boolean_scheduling_term_.get()->enable_tick();
  return GXF_SUCCESS;
}

gxf_result_t EntityReplayer::deinitialize() {
  entity_file_.close();
  index_file_.close();
  return GXF_SUCCESS;
}

gxf_result_t EntityReplayer::tick() {
  for (uint64_t i = 0; i < batch_size_.get(); ++i) {
    EntityIndex index;
    if (index_file_.readable() < sizeof(index) || !index_file_.read_trivial(&index)) {
      GXF_LOG_INFO("%s: end of '%s' after %" PRIu64 " messages; stops ticking",
                   describe().c_str(), index_file_.path().c_str(), replayed_);
      boolean_scheduling_term_.get()->disable_tick();
      break;
    }
    // Each message is read from its indexed offset, so one corrupt message cannot shift
    // the ones after it.
    const uint64_t entry = entries_++;
    Result positioned = entity_file_.seek(index.data_offset);
    Expected<EntityRef> message = positioned
                                      ? entity_serializer_.get()->deserialize_entity(&entity_file_)
                                      : Expected<EntityRef>(positioned.error());
    if (!message) {
      Error error = message.error();
      error.with_context("message " + std::to_string(entry) + " of '" + entity_file_.path() +
                         "' (offset " + std::to_string(index.data_offset) + ")");
      if (!ignore_corrupted_entities_.get()) return fail_with(*this, error);
      GXF_LOG_WARNING("%s: skipped: %s", describe().c_str(), error.what().c_str());
      continue;
    }
    const gxf_result_t code = transmitter_.get()->publish(message.value());
    if (code != GXF_SUCCESS) return code;
    ++replayed_;
  }
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
