// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "gxf/core/component.hpp"
#include "gxf/core/entity.hpp"
#include "gxf/core/expected.hpp"

namespace nvidia {
namespace gxf {

class Context;

// A message component saying that a stream ended (GXF's EndOfStream): the message carries no
// data, only the id of the stream that ended (-1: the whole graph's input). Stages forward it
// once, after their last data message; a sink that saw it on every input has seen everything.
class EndOfStream : public Component {
 public:
  ~EndOfStream() override;
  int64_t stream_id() const { return stream_id_; }
  void stream_id(int64_t stream_id) { stream_id_ = stream_id; }
  bool reset_for_reuse() override {
    stream_id_ = -1;
    return true;
  }

  // A new message holding one EndOfStream for `stream_id`.
  static Expected<EntityRef> create_eos_message(Context* context, int64_t stream_id = -1);

 private:
  int64_t stream_id_ = -1;
};

}  // namespace gxf
}  // namespace nvidia
