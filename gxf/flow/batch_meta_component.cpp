// SPDX-License-Identifier: Apache-2.0
#include "gxf/flow/batch_meta_component.hpp"

namespace nvidia {
namespace gxf {
namespace flow {

// Out of line: libgxf_flow.so holds the type's one vtable and type_info, which dynamic_cast
// in other extensions (Entity::find) compares against.
BatchMetaComponent::~BatchMetaComponent() = default;

}  // namespace flow
}  // namespace gxf
}  // namespace nvidia
