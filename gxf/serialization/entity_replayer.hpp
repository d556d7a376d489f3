// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include "gxf/core/handle.hpp"
#include "gxf/core/parameter.hpp"
#include "gxf/serialization/entity_recorder.hpp"
#include "gxf/serialization/entity_serializer.hpp"
#include "gxf/serialization/file_stream.hpp"
#include "gxf/std/codelet.hpp"
#include "gxf/std/scheduling_terms.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Plays back a recording made by EntityRecorder (ours or GXF's): each tick publishes the
// next `batch_size` messages of `directory`/`basename`, then disables
// `boolean_scheduling_term` at the end of the index. A message that cannot be deserialized
// is skipped (with a warning) when `ignore_corrupted_entities`, else it fails the tick.
class EntityReplayer : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Transmitter>> transmitter_;
  Parameter<Handle<EntitySerializer>> entity_serializer_;
  Parameter<Handle<BooleanSchedulingTerm>> boolean_scheduling_term_;
  Parameter<std::string> directory_;
  Parameter<std::string> basename_;
  Parameter<uint64_t> batch_size_;
  Parameter<bool> ignore_corrupted_entities_;
  FileStream entity_file_;
  FileStream index_file_;
  uint64_t entries_ = 0;   // index entries read
  uint64_t replayed_ = 0;  // messages published
};

}  // namespace gxf
}  // namespace nvidia
