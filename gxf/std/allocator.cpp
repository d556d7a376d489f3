// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/allocator.hpp"

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {

std::shared_ptr<void> Allocator::own(void* pointer) {
  return std::shared_ptr<void>(pointer, [this](void* memory) {
    gxf_result_t code = free(memory);
    if (code != GXF_SUCCESS) {
      GXF_LOG_ERROR("%s: failed to free memory: %s", describe().c_str(), result_str(code));
    }
  });
}

}  // namespace gxf
}  // namespace nvidia
