// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/cpu_thread.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t CPUThread::register_interface(Registrar* registrar) {
  registrar->parameter(pin_entity_, "pin_entity", "Pin entity",
                       "Run the entity only on its own ThreadPool worker thread", false);
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
