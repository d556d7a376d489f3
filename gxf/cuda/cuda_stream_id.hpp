// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

// Message component naming the CudaStream (by component id) on which the message's device
// data is produced; consumers order their work after it or synchronize it (CudaStreamSync).
class CudaStreamId : public Component {
 public:
  gxf_uid_t stream_cid = kNullUid;
};

}  // namespace gxf
}  // namespace nvidia
