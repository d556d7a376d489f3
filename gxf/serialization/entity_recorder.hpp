// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gxf/core/handle.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/serialization/entity_serializer.hpp"
#include "gxf/serialization/file_stream.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"

namespace nvidia {
namespace gxf {

#pragma pack(push, 1)
// One entry of a recording's index file (.gxf_index) per message: when it was logged
// (system clock, ns), its size and its offset in the entity file (.gxf_entities).
struct EntityIndex {
  uint64_t log_time;
  uint64_t data_size;
  uint64_t data_offset;
};
#pragma pack(pop)

// File name suffixes of a recording.
constexpr const char* kIndexFileExtension = ".gxf_index";
constexpr const char* kEntityFileExtension = ".gxf_entities";

// Writes every message it receives to `directory`/`basename`.gxf_entities (serialized by
// `entity_serializer`) and an index entry to `directory`/`basename`.gxf_index; `basename`
// defaults to the receiver's name. EntityReplayer plays the files back.
class EntityRecorder : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> receiver_;
  Parameter<Handle<EntitySerializer>> entity_serializer_;
  Parameter<std::string> directory_;
  Parameter<std::string> basename_;
  Parameter<bool> flush_on_tick_;
  FileStream entity_file_;
  FileStream index_file_;
  std::vector<char> entity_buffer_;  // stdio buffer: large, so a tensor is one write
  uint64_t entity_file_offset_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
