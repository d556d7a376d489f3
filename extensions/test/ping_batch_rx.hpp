// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/sample/ping_batch_rx.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// The test extension's copy of the sample PingBatchRx, so test graphs need not load the sample
// extension for it.
class PingBatchRx : public ::nvidia::gxf::PingBatchRx {};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
