// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "gxf/core/bindings/context_handle.hpp"
#include "gxf/core/bindings/errors.hpp"
#include "gxf/std/vault.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

Vault* vault_of(uint64_t context, int64_t cid) {
  auto* vault = dynamic_cast<Vault*>(component_from_cid(context, cid));
  if (!vault) throw_code(GXF_ENTITY_COMPONENT_NOT_FOUND, "component is not a Vault");
  return vault;
}

}  // namespace

void bind_vault(py::module_& m) {
  m.def("vault_store_blocking",
        [](uint64_t context, int64_t cid, uint64_t count) {
          Vault* vault = vault_of(context, cid);
          py::gil_scoped_release release;
          return vault->store_blocking(count);
        },
        "Wait for `count` messages in the vault's waiting list, store them, return their eids.");
  m.def("vault_store_blocking_for",
        [](uint64_t context, int64_t cid, uint64_t count, int64_t duration_ns) {
          Vault* vault = vault_of(context, cid);
          py::gil_scoped_release release;
          return vault->store_blocking_for(count, duration_ns);
        },
        "As vault_store_blocking, waiting at most `duration_ns`.");
  m.def("vault_store",
        [](uint64_t context, int64_t cid, uint64_t max_count) {
          return vault_of(context, cid)->store(max_count);
        },
        "Store up to `max_count` waiting messages without waiting; return their eids.");
  m.def("vault_free",
        [](uint64_t context, int64_t cid, const std::vector<gxf_uid_t>& eids) {
          vault_of(context, cid)->free(eids);
        },
        "Release stored messages.");
}

}  // namespace gxf
}  // namespace nvidia
