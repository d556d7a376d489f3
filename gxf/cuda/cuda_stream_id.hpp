// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/component.hpp"
#include "gxf/core/context.hpp"
#include "gxf/cuda/cuda_stream.hpp"

namespace nvidia {
namespace gxf {

// Message component naming the CudaStream (by component id) on which the message's device
// data is produced; consumers order their work after it or synchronize it (CudaStreamSync).
class CudaStreamId : public Component {
 public:
  // The CudaStream stream_cid names; null where it names none (or nothing).
  CudaStream* stream() const {
    return context() ? dynamic_cast<CudaStream*>(context()->component(stream_cid)) : nullptr;
  }

  gxf_uid_t stream_cid = kNullUid;
};

}  // namespace gxf
}  // namespace nvidia
