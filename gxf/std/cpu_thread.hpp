// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gxf/core/component.hpp"

namespace nvidia {
namespace gxf {

// Marks its entity for thread pinning: with pin_entity true, the MultiThread and EventBased
// schedulers run the entity only on its own worker thread, a slot of the first ThreadPool in
// the entity's group. At most one per entity.
class CPUThread : public Component {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  bool pinned() const { return pin_entity_.get(); }

 private:
  Parameter<bool> pin_entity_;
};

}  // namespace gxf
}  // namespace nvidia
