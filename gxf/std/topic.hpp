// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "gxf/std/receiver.hpp"
#include "gxf/std/transmitter.hpp"

namespace nvidia {
namespace gxf {

// Declares routes by name instead of by pairs: at activation every transmitter of a topic name,
// in whatever entity, is routed to every receiver of the same name.
class Topic : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override {
    registrar->parameter(topic_name_, "topic_name", "Topic name",
                         "Name that joins transmitters and receivers (empty: component name)");
    registrar->parameter(transmitters_, "transmitters", "Transmitters",
                         "Transmitters publishing to this topic",
                         std::vector<Handle<Transmitter>>{});
    registrar->parameter(receivers_, "receivers", "Receivers", "Receivers reading this topic",
                         std::vector<Handle<Receiver>>{});
    return GXF_SUCCESS;
  }
  std::string topic_name() const {
    return topic_name_.get().empty() ? name() : topic_name_.get();
  }
  const std::vector<Handle<Transmitter>>& transmitters() const { return transmitters_.get(); }
  const std::vector<Handle<Receiver>>& receivers() const { return receivers_.get(); }

 private:
  Parameter<std::string> topic_name_;
  Parameter<std::vector<Handle<Transmitter>>> transmitters_;
  Parameter<std::vector<Handle<Receiver>>> receivers_;
};

}  // namespace gxf
}  // namespace nvidia
