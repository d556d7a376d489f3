# SPDX-License-Identifier: Apache-2.0
"""Subgraph: a component that loads a YAML subgraph file into its entity when the graph is
activated, then overrides parameters of the subgraph's components."""

import yaml

from gxf.core import Component, parameter_set_from_yaml_node
from gxf.core.component import _yaml_data
from gxf.core.registry import library_types

__all__ = ["Subgraph"]


class Subgraph(Component):
    """Loads `location` (a YAML graph file) as a subgraph of its entity; `prerequisites`
    maps the file's prerequisite names to components; `override_params` is
    {component or interface name: {parameter: value}} applied after loading."""

    gxf_native_type = "nvidia::gxf::Subgraph"
    _validation_info_parameters = library_types("libgxf_std.so")[gxf_native_type]["parameters"]

    def __init__(self, name: str = "", override_params=None, **params):
        super().__init__(type=self.gxf_native_type, name=name, **params)
        self._override_params = dict(override_params or {})

    @property
    def override_params(self):
        """{component name: {parameter: value}} applied after the file is loaded."""
        return self._override_params

    def _load_into(self, entity):
        """Load the file into `entity` (called when the entity is created)."""
        from gxf.core import _subgraph_load_file
        from gxf.core._core import component_find

        if "location" not in self._params:
            raise ValueError(f"{self._describe()}: 'location' (the subgraph file) is not set")
        prerequisites = _yaml_data(self._params.get("prerequisites") or {}, self,
                                   "prerequisites")
        _subgraph_load_file(entity.context, str(self._params["location"]),
                            entity.qualified_name, entity.eid,
                            yaml.safe_dump(prerequisites) if prerequisites else "")
        for target, parameters in self._override_params.items():
            found = component_find(entity.context, entity.eid, None, target)
            if len(found) != 1:
                raise ValueError(
                    f"{self._describe()}: override_params names '{target}', which matches "
                    f"{len(found)} components of the subgraph (expected exactly one)")
            for key, value in parameters.items():
                data = _yaml_data(value, self, key)
                text = data if isinstance(data, str) else yaml.safe_dump(
                    data, default_flow_style=True)
                parameter_set_from_yaml_node(entity.context, found[0], key, text)
