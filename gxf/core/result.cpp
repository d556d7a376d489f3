// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/result.hpp"

namespace nvidia {
namespace gxf {

const char* result_str(gxf_result_t result) {
  switch (result) {
#define GXF_RESULT_CASE(name) \
  case name:                  \
    return #name;
    GXF_RESULT_LIST(GXF_RESULT_CASE)
#undef GXF_RESULT_CASE
  }
  return "GXF_RESULT_UNKNOWN";
}

}  // namespace gxf
}  // namespace nvidia
