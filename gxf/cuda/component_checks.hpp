// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "gxf/core/component.hpp"
#include "gxf/core/logger.hpp"
#include "gxf/std/gems/cuda_driver/cuda_driver.hpp"
#include "gxf/cuda/stream_ordered_pool.hpp"

namespace nvidia {
namespace gxf {

// Checks CUDA components share at initialize(); each logs what is wrong with `owner`.

// GXF_FAILURE (and why) when CUDA cannot be used on this machine.
inline gxf_result_t require_cuda(const Component& owner) {
  if (cuda_available()) return GXF_SUCCESS;
  return owner.fail(GXF_FAILURE, "needs CUDA: %s",
                    CudaDriver::instance().unavailable_reason().c_str());
}

// Bytes of a size parameter such as "16MB"; false (logged, naming the parameter) if invalid.
inline bool read_storage_size(const Component& owner, const Parameter<std::string>& parameter,
                              int64_t* bytes) {
  *bytes = parse_storage_size(parameter.get());
  if (*bytes >= 0) return true;
  owner.fail(GXF_PARAMETER_OUT_OF_RANGE,
             "parameter '%s' has invalid size '%s' (use a number with B, KB, MB, GB or TB)",
             parameter.key().c_str(), parameter.get().c_str());
  return false;
}

}  // namespace gxf
}  // namespace nvidia
