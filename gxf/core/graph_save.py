# SPDX-License-Identifier: Apache-2.0
"""graph_save: write the entities, components and parameters of a context as a YAML graph
file that gxe.py and GXF load.

Every graph entity becomes one document; a parameter is written when it is set and differs
from its registered default. Subgraph components are left out: the entities their files
created are written themselves (with the resolved, prefixed names)."""

import yaml

from gxf.core import _core
from gxf.core.errors import GxfError

__all__ = ["graph_save", "graph_documents"]

_SUBGRAPH = "nvidia::gxf::Subgraph"
_PY_CODELET = "nvidia::gxf::PyCodeletV0"


class _Dumper(yaml.SafeDumper):
    """Block style for documents, flow style for short lists, strings quoted when needed."""


def _represent_list(dumper, data):
    flow = all(not isinstance(item, (list, dict)) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def _value(context, cid, key, declared, type_name):
    """The value of a set parameter as YAML data, or None to leave it out."""
    try:
        text = _core.parameter_get_yaml(context, cid, key)
    except GxfError:
        return None  # not set
    if isinstance(text, tuple):  # a dynamic parameter: (scalar, tag, quoted)
        return text[0] if text[2] else yaml.safe_load(text[0])
    info = declared.get(key)
    if info is not None and info["default"] is not None and info["default"] == text:
        return None
    if info is not None and info["type"] in ("string", "FilePath"):
        if type_name == _PY_CODELET and key == "codelet_params":
            data = yaml.safe_load(text) if text.strip() else None
            return data if isinstance(data, dict) else text
        return text
    return yaml.safe_load(text) if text != "" else ""


def graph_documents(context, entity_groups=()):
    """The YAML documents (dicts) describing the graph in `context`; `entity_groups` is a
    list of (group name, [entity names]) to write as an EntityGroups document."""
    declared_by_type = {}
    documents = []
    for eid in _core.entity_find_all(context):
        components = []
        for cid in _core.component_find(context, eid, None, None):
            info = _core.component_info(context, cid)
            type_name = info["type"]
            if type_name == _SUBGRAPH:
                continue
            if type_name not in declared_by_type:
                declared_by_type[type_name] = {
                    entry["key"]: entry for entry in _core.parameter_list(context, type_name)}
            declared = declared_by_type[type_name]
            parameters = {}
            for key in declared:
                value = _value(context, cid, key, declared, type_name)
                if value is not None:
                    parameters[key] = value
            component = {}
            if info["name"]:
                component["name"] = info["name"]
            component["type"] = type_name
            if parameters:
                component["parameters"] = parameters
            components.append(component)
        document = {}
        name = _core.entity_get_name(context, eid)
        if name:
            document["name"] = name
        document["components"] = components
        documents.append(document)
    if entity_groups:
        documents.append({"EntityGroups": [
            {"name": name, "target": list(members)} for name, members in entity_groups]})
    return documents


def graph_save(context, filename, entity_groups=()):
    """Write the graph in `context` to `filename` as a multi-document YAML graph file."""
    documents = graph_documents(context, entity_groups)
    with open(filename, "w", encoding="utf-8") as stream:
        yaml.dump_all(documents, stream, Dumper=_Dumper, sort_keys=False,
                      explicit_start=True, default_flow_style=False)
