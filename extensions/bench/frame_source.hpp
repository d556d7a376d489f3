// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "gxf/std/codelet.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace bench {

// The native twin of tools/bench/codelets/infer_codelets.py's FrameSource: publishes
// `frames` + `warmup` float32 frames of `shape`, `per_tick` per tick, as tensor `tensor_name`,
// one message per frame or (`batched`) one message holding the tick's frames stacked. The
// frames are made once at start and published as views of that memory, as the Python source
// publishes its preallocated arrays: no allocation or copy per frame.
class FrameSource : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t start() override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Transmitter>> out_;
  Parameter<std::vector<int32_t>> shape_;
  Parameter<int32_t> per_tick_;
  Parameter<int64_t> frames_;
  Parameter<int64_t> warmup_;
  Parameter<bool> batched_;
  Parameter<std::string> tensor_name_;

  std::shared_ptr<std::vector<float>> memory_;  // per_tick frames, back to back
  uint64_t frame_elements_ = 0;
  int64_t left_ = 0;
};

}  // namespace bench
}  // namespace gxf
}  // namespace nvidia
