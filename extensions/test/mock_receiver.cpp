// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/mock_receiver.hpp"

#include <limits>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t MockReceiver::register_interface(Registrar* registrar) {
  registrar->parameter(ignore_unreceived_entities_, "ignore_unreceived_entities",
                       "Ignore unreceived entities",
                       "Do not fail deinitialize when messages are left in the queue", false);
  registrar->parameter(fail_on_receive_, "fail_on_receive", "Fail on receive",
                       "Every receive finds nothing", false);
  registrar->parameter(fail_on_sync_, "fail_on_sync", "Fail on sync",
                       "Every sync fails with GXF_FAILURE", false);
  registrar->parameter(max_capacity_, "max_capacity", "Max capacity",
                       "Messages the queue can hold at once",
                       std::numeric_limits<uint64_t>::max());
  return GXF_SUCCESS;
}

gxf_result_t MockReceiver::initialize() {
  queue_.reset(max_capacity_.get());
  received_ = 0;
  syncs_ = 0;
  return GXF_SUCCESS;
}

gxf_result_t MockReceiver::deinitialize() {
  GXF_LOG_INFO("[%s/%s] Entities Received: %lu { Syncs: %lu | Peak: %zu }",
               entity()->name().c_str(), name().c_str(),
               static_cast<unsigned long>(received_.load()),
               static_cast<unsigned long>(syncs_.load()), queue_.peak());
  size_t left = queue_.size();
  queue_.clear();
  if (left == 0) return GXF_SUCCESS;
  GXF_LOG_WARNING("[%s/%s] Unreceived Entities: %zu", entity()->name().c_str(), name().c_str(),
                  left);
  return ignore_unreceived_entities_.get() ? GXF_SUCCESS : GXF_FAILURE;
}

EntityRef MockReceiver::receive() {
  EntityRef message;
  if (fail_on_receive_.get() || !queue_.pop(&message)) return EntityRef();
  ++received_;
  return message;
}

gxf_result_t MockReceiver::sync() {
  if (fail_on_sync_.get()) return GXF_FAILURE;
  ++syncs_;
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
