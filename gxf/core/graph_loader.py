# SPDX-License-Identifier: Apache-2.0
"""Loads GXF graph files (YAML) into a context, with errors that name the place."""

import os

import yaml

from gxf.core import _core
from gxf.core.errors import GraphLoadError, GxfError
from gxf.core.yaml_nodes import compose_documents, to_core_node

__all__ = ["load_graph_file", "parse_override"]

_PY_CODELET = "nvidia::gxf::PyCodeletV0"


class _Place:
    """Where in a graph file something is: file, line, entity, component, parameter."""

    def __init__(self, filename, line=0, entity=None, component=None, type_name=None):
        self.filename = filename
        self.line = line
        self.entity = entity
        self.component = component
        self.type_name = type_name

    def describe(self):
        """'file.yaml:14: entity 'tx', component 'ping' (nvidia::gxf::PingTx)'."""
        text = f"{self.filename}:{self.line}" if self.line else self.filename
        if self.entity is not None:
            text += f": entity '{self.entity}'"
        if self.component is not None:
            text += f", component '{self.component}'"
            if self.type_name:
                text += f" ({self.type_name})"
        return text


def _is_null(node):
    """True for an empty (null) YAML node."""
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and node.value in (
        "", "~", "null", "Null", "NULL")


def _fail(place, code, detail, cls=GraphLoadError, cause=None):
    """Raise a load error whose message starts with the code and names the place."""
    error = cls(f"{code}: {place.describe()}: {detail}", code=code, detail=detail)
    if cause is not None:
        raise error from cause
    raise error


def _wrap_core_error(place, error):
    """Re-raise a core error with the file/entity/component prefix."""
    context = "".join(f"{item}: " for item in reversed(error.context))
    _fail(place, error.code, context + error.detail, cls=type(error), cause=error)


def parse_override(text):
    """Split 'entity/component/key=value' into its parts (value parsed as YAML)."""
    if "=" not in text:
        raise GxfError(f"GXF_ARGUMENT_INVALID: parameter override '{text}' has no '='",
                       code="GXF_ARGUMENT_INVALID")
    target, value = text.split("=", 1)
    value = value.split("=", 1)[0]
    parts = target.split("/")
    if len(parts) != 3:
        raise GxfError(f"GXF_ARGUMENT_INVALID: parameter override '{text}' must be "
                       "'entity/component/key=value'", code="GXF_ARGUMENT_INVALID")
    return parts[0], parts[1], parts[2], value


class _ComponentEntry:
    """One component document entry after pass 1: its cid and parameter nodes."""

    def __init__(self, cid, place, parameters):
        self.cid = cid
        self.place = place
        self.parameters = parameters  # list of (key, yaml node)


class GraphFileLoader:
    """Loads one graph file: pass 1 creates entities and components, pass 2 sets parameters
    (so handles may point forward), then start_order is applied."""

    def __init__(self, context, filename, overrides=(), prefix=""):
        self.context = context
        self.filename = filename
        self.prefix = prefix
        self.overrides = [parse_override(text) for text in overrides]
        self.entries = []
        self.start_order = None

    def load(self):
        """Load the file into the context."""
        for document in self._documents():
            self._load_document(document)
        for entry in self.entries:
            self._set_parameters(entry)
        if self.start_order is not None:
            self._apply_start_order()

    def _documents(self):
        place = _Place(self.filename)
        try:
            with open(self.filename, encoding="utf-8") as stream:
                text = stream.read()
        except OSError as error:
            _fail(place, "GXF_FILE_NOT_FOUND", f"cannot read graph file: {error.strerror}")
        try:
            return compose_documents(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            if mark is not None:
                place.line = mark.line + 1
            problem = getattr(error, "problem", None) or str(error)
            _fail(place, "GXF_FAILURE", f"invalid YAML: {problem}")

    def _load_document(self, document):
        if document is None or _is_null(document):
            return  # empty document, e.g. after a trailing '---'
        place = _Place(self.filename, document.start_mark.line + 1)
        if not isinstance(document, yaml.MappingNode):
            _fail(place, "GXF_INVALID_DATA_FORMAT", "a graph document must be a mapping with "
                  "'name' and 'components'")
        keys = {key.value: value for key, value in document.value}
        if "start_order" in keys:
            if self.start_order is not None:
                _fail(place, "GXF_FAILURE", "a file may hold only one start_order document")
            self.start_order = (keys["start_order"], place)
            return
        if "interfaces" in keys or "prerequisites" in keys or "EntityGroups" in keys:
            return  # subgraph and entity-group documents: no runtime effect on a plain load
        if "components" not in keys:
            return  # GXF creates entities only from documents that list components
        self._load_entity(keys, place)

    def _load_entity(self, keys, place):
        name_node = keys.get("name")
        name = name_node.value if isinstance(name_node, yaml.ScalarNode) else ""
        if name.startswith("__"):
            _fail(place, "GXF_ARGUMENT_INVALID", f"entity name '{name}' must not start with '__'")
        full_name = self.prefix + name if name else ""
        place.entity = full_name or "<unnamed>"
        eid = self._find_or_create_entity(full_name, place)
        components = keys["components"]
        if _is_null(components):
            return
        if not isinstance(components, yaml.SequenceNode):
            _fail(place, "GXF_FAILURE", "'components' must be a sequence")
        for component in components.value:
            self._load_component(eid, component, place)

    def _find_or_create_entity(self, name, place):
        if name:
            try:
                return _core.entity_find(self.context, name)
            except GxfError:
                pass
        try:
            return _core.entity_create(self.context, name)
        except GxfError as error:
            _wrap_core_error(place, error)

    def _load_component(self, eid, node, entity_place):
        place = _Place(self.filename, node.start_mark.line + 1, entity_place.entity)
        if not isinstance(node, yaml.MappingNode):
            _fail(place, "GXF_FAILURE", "a component entry must be a mapping with 'type'")
        keys = {key.value: value for key, value in node.value}
        name = keys["name"].value if isinstance(keys.get("name"), yaml.ScalarNode) else ""
        type_name = keys["type"].value if isinstance(keys.get("type"), yaml.ScalarNode) else None
        place.component = name or "<unnamed>"
        place.type_name = type_name
        parameters_node = keys.get("parameters")
        if parameters_node is not None and not isinstance(parameters_node, yaml.MappingNode):
            if not (isinstance(parameters_node, yaml.ScalarNode) and parameters_node.value == ""):
                _fail(place, "GXF_INVALID_DATA_FORMAT", "'parameters' must be a mapping")
            parameters_node = None
        cid = self._find_or_create_component(eid, name, type_name, place)
        parameters = []
        if parameters_node is not None:
            parameters = [(key.value, value) for key, value in parameters_node.value]
        parameters = self._apply_overrides(entity_place.entity, name, type_name, parameters,
                                           parameters_node is not None)
        self.entries.append(_ComponentEntry(cid, place, parameters))

    def _find_or_create_component(self, eid, name, type_name, place):
        existing = _core.component_find(self.context, eid, None, name) if name else []
        if type_name is None:
            if not existing:
                _fail(place, "GXF_ENTITY_COMPONENT_NOT_FOUND",
                      f"entry without 'type' overrides component '{name}', which does not exist")
            return existing[0]
        for cid in existing:
            if _core.component_info(self.context, cid)["type"] == type_name:
                return cid
        try:
            cid = _core.component_add(self.context, eid, type_name, name)
        except GxfError as error:
            _wrap_core_error(place, error)
        place.component = _core.component_info(self.context, cid)["name"] or "<unnamed>"
        if type_name == _PY_CODELET:
            directory = os.path.dirname(os.path.abspath(self.filename))
            _core.py_codelet_set_base_directory(self.context, cid, directory)
        return cid

    def _apply_overrides(self, entity, name, type_name, parameters, has_parameters):
        if not has_parameters:
            return parameters  # GXF loses overrides of entries without a parameters map
        for target_entity, component, key, value in self.overrides:
            if target_entity != entity or component not in (name, type_name):
                continue
            value_node = compose_documents(value)[0] if value.strip() else None
            if value_node is None:
                value_node = yaml.ScalarNode("tag:yaml.org,2002:null", "")
            parameters = [(k, v) for k, v in parameters if k != key] + [(key, value_node)]
        return parameters

    def _set_parameters(self, entry):
        for key, value in entry.parameters:
            place = _Place(self.filename, value.start_mark.line + 1 if value.start_mark else 0,
                           entry.place.entity, entry.place.component, entry.place.type_name)
            try:
                _core.component_set_parameter(self.context, entry.cid, key, to_core_node(value),
                                              self.prefix)
            except GxfError as error:
                _wrap_core_error(place, error)

    def _apply_start_order(self):
        node, place = self.start_order
        if not isinstance(node, yaml.SequenceNode):
            _fail(place, "GXF_FAILURE", "start_order must be a sequence of entity names")
        eids = []
        for item in node.value:
            try:
                eids.append(_core.entity_find(self.context, self.prefix + item.value))
            except GxfError:
                continue  # GXF only warns about unknown names
        _core.entity_reorder(self.context, eids)


def load_graph_file(context, filename, overrides=(), prefix=""):
    """Load a graph file into `context`; raises GraphLoadError naming file/entity/component."""
    GraphFileLoader(context, filename, overrides, prefix).load()
