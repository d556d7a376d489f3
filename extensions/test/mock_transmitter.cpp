// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/mock_transmitter.hpp"

#include <limits>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace test {

gxf_result_t MockTransmitter::register_interface(Registrar* registrar) {
  registrar->parameter(ignore_unpublished_entities_, "ignore_unpublished_entities",
                       "Ignore unpublished entities",
                       "Do not fail deinitialize when messages are left in the queue", false);
  registrar->parameter(fail_on_publish_, "fail_on_publish", "Fail on publish",
                       "Every publish fails with GXF_FAILURE", false);
  registrar->parameter(fail_on_sync_, "fail_on_sync", "Fail on sync",
                       "Every sync fails with GXF_FAILURE", false);
  registrar->parameter(max_capacity_, "max_capacity", "Max capacity",
                       "Messages the queue can hold at once",
                       std::numeric_limits<uint64_t>::max());
  return GXF_SUCCESS;
}

gxf_result_t MockTransmitter::initialize() {
  queue_.reset(max_capacity_.get());
  published_ = 0;
  syncs_ = 0;
  return GXF_SUCCESS;
}

gxf_result_t MockTransmitter::deinitialize() {
  GXF_LOG_INFO("[%s/%s] Entities Published: %lu { Syncs: %lu | Peak: %zu }",
               entity()->name().c_str(), name().c_str(),
               static_cast<unsigned long>(published_.load()),
               static_cast<unsigned long>(syncs_.load()), queue_.peak());
  size_t left = queue_.size();
  queue_.clear();
  if (left == 0) return GXF_SUCCESS;
  GXF_LOG_WARNING("[%s/%s] Unpublished Entities: %zu", entity()->name().c_str(), name().c_str(),
                  left);
  return ignore_unpublished_entities_.get() ? GXF_SUCCESS : GXF_FAILURE;
}

gxf_result_t MockTransmitter::publish(const EntityRef& message) {
  if (fail_on_publish_.get()) return GXF_FAILURE;
  gxf_result_t code = queue_.push(message);
  if (code == GXF_SUCCESS) ++published_;
  return code;
}

gxf_result_t MockTransmitter::sync() {
  if (fail_on_sync_.get()) return GXF_FAILURE;
  ++syncs_;
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
