// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "gxf/std/codelet.hpp"
#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {
namespace test {

// A native Flow stage for tests of gxf.flow's metadata: checks that every frame of every buffer
// it receives carries ObjectMeta labelled `expected_labels` (in order; written by Python), fails
// the graph naming the frame and what it found otherwise, then appends an ObjectMeta labelled
// `add_label` (class_id 7, confidence 0.25, rect 10/20/30/40, object_id = frame_num) for Python
// stages downstream to read, and forwards the message. An EndOfStream message passes unchanged;
// a buffer after it fails the graph.
class ObjectMetaCheck : public Codelet {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t tick() override;

 private:
  Parameter<Handle<Receiver>> in_;
  Parameter<Handle<Transmitter>> out_;
  Parameter<std::vector<std::string>> expected_labels_;
  Parameter<std::string> add_label_;
  bool ended_ = false;
};

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
