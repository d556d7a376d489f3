// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/end_of_stream.hpp"

#include <string>

#include "gxf/core/context.hpp"

namespace nvidia {
namespace gxf {

// Out of line: libgxf_std.so holds the type's one vtable and type_info (Entity::find's
// dynamic_cast in other extensions compares against it).
EndOfStream::~EndOfStream() = default;

Expected<EntityRef> EndOfStream::create_eos_message(Context* context, int64_t stream_id) {
  EntityRef message = context->create_message();
  if (!message) return make_error(GXF_OUT_OF_MEMORY, "cannot create an end-of-stream message");
  auto* eos = context->add_message_component<EndOfStream>(message.get(), std::string());
  if (!eos) {
    return make_error(GXF_FACTORY_UNKNOWN_CLASS_NAME,
                      "nvidia::gxf::EndOfStream is not registered: load libgxf_std.so");
  }
  eos->stream_id(stream_id);
  return message;
}

}  // namespace gxf
}  // namespace nvidia
