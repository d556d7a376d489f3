// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include <string>

#include "gxf/core/bindings/context_handle.hpp"
#include "gxf/core/bindings/errors.hpp"
#include "gxf/core/context.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

Entity* entity_of(Context* context, int64_t eid) {
  Entity* entity = context->entity(eid);
  if (!entity) throw_code(GXF_ENTITY_NOT_FOUND, "no entity with eid " + std::to_string(eid));
  return entity;
}

int64_t entity_group_create(uint64_t handle, const std::string& name) {
  Context* context = context_from_handle(handle);
  gxf_uid_t gid = context->next_uid();
  throw_if_error(context->entity_groups().create(gid, name));
  return gid;
}

void entity_group_add(uint64_t handle, int64_t gid, int64_t eid) {
  Context* context = context_from_handle(handle);
  entity_of(context, eid);
  throw_if_error(context->entity_groups().add(gid, eid));
}

int64_t entity_group_id(uint64_t handle, int64_t eid) {
  Context* context = context_from_handle(handle);
  entity_of(context, eid);
  return context->entity_groups().group_of(eid);
}

std::string entity_group_name(uint64_t handle, int64_t eid) {
  Context* context = context_from_handle(handle);
  entity_of(context, eid);
  EntityGroups& groups = context->entity_groups();
  return value_or_throw(groups.name(groups.group_of(eid)));
}

}  // namespace

void bind_entity_groups(py::module_& m) {
  m.def("entity_group_create", &entity_group_create, py::arg("context"), py::arg("name"),
        "Create an entity group; returns its gid.");
  m.def("entity_group_add", &entity_group_add, py::arg("context"), py::arg("gid"), py::arg("eid"),
        "Move an entity into an entity group.");
  m.def("entity_group_id", &entity_group_id, py::arg("context"), py::arg("eid"),
        "Gid of the entity group an entity belongs to.");
  m.def("entity_group_name", &entity_group_name, py::arg("context"), py::arg("eid"),
        "Name of the entity group an entity belongs to.");
}

}  // namespace gxf
}  // namespace nvidia
