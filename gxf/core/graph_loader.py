# SPDX-License-Identifier: Apache-2.0
"""Loads GXF graph files (YAML) into a context, with errors that name the place."""

import logging
import os

import yaml

from gxf.core import _core
from gxf.core.errors import GraphLoadError, GxfError
from gxf.core.yaml_nodes import compose_documents, explicit_tag, to_core_node

__all__ = ["load_graph_file", "parse_override", "duplicates_allowed"]

_LOG = logging.getLogger("gxf.loader")

# Set to 1 to merge documents naming the same entity, as GXF does, instead of failing the load.
ALLOW_DUPLICATES_ENV = "GXF_ALLOW_DUPLICATE_ENTITIES"


def duplicates_allowed(allow=None):
    """`allow` if given, else whether the environment asks for GXF's merging of duplicates."""
    if allow is not None:
        return bool(allow)
    return os.environ.get(ALLOW_DUPLICATES_ENV, "").strip().lower() in ("1", "true", "yes")


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

    def __init__(self, cid, place, parameters, eid=None, name=""):
        self.cid = cid  # None while a name-only entry waits for a subgraph interface
        self.place = place
        self.parameters = parameters  # list of (key, yaml node)
        self.eid = eid
        self.name = name


class GraphFileLoader:
    """Loads one graph file: pass 1 creates entities and components, pass 2 sets parameters
    (so handles may point forward), then start_order is applied."""

    def __init__(self, context, filename, overrides=(), prefix="", parent=None,
                 allow_duplicates=None):
        self.context = context
        self.allow_duplicates = duplicates_allowed(allow_duplicates)
        self.filename = filename
        self.directory = os.path.dirname(os.path.abspath(filename))  # for FilePath parameters
        self.prefix = prefix
        self.raw_overrides = list(overrides)
        self.overrides = [parse_override(text) for text in overrides]
        self.entries = []
        self.start_order = None
        self.parent = parent  # (parent eid, {prerequisite name: cid}) inside a subgraph
        self.interfaces = []  # (node, place) of each interfaces document
        self.entity_groups = []  # (node, place) of each EntityGroups document

    def load(self):
        """Load the file into the context."""
        documents = self._documents()
        if self.parent is not None:
            self._create_prerequisites_entity()
        for document in documents:
            self._load_document(document)
        subgraphs = [entry for entry in self.entries if self._is_subgraph(entry)]
        for entry in subgraphs:
            self._set_parameters(entry)
        for entry in subgraphs:
            self._load_subgraph(entry)
        if self.parent is not None:
            self._export_interfaces()
        for entry in self.entries:
            if entry not in subgraphs:
                self._resolve_deferred(entry)
                self._set_parameters(entry)
        for node, place in self.entity_groups:
            self._create_entity_groups(node, place)
        if self.start_order is not None:
            self._apply_start_order()

    def _documents(self):
        place = _Place(self.filename)
        try:
            with open(self.filename, encoding="utf-8") as stream:
                text = stream.read()
        except OSError as error:
            _fail(place, "GXF_FILE_NOT_FOUND", f"cannot read graph file: {error.strerror}")
        except UnicodeDecodeError as error:
            _fail(place, "GXF_FAILURE", f"not a text (UTF-8) file: byte {error.start} is invalid")
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
        if "EntityGroups" in keys:
            self.entity_groups.append((keys["EntityGroups"], place))
            return
        if "interfaces" in keys:
            self.interfaces.append((keys["interfaces"], place))
            return
        if "prerequisites" in keys:
            return  # declarations only: prerequisites come from the parent's Subgraph
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
        existed = bool(full_name) and self._entity_exists(full_name)
        eid = self._find_or_create_entity(full_name, place)
        components = keys["components"]
        if _is_null(components):
            return
        if not isinstance(components, yaml.SequenceNode):
            _fail(place, "GXF_FAILURE", "'components' must be a sequence")
        if existed and not self.allow_duplicates:
            self._check_only_sets_parameters(eid, components, place)
        for component in components.value:
            self._load_component(eid, component, place)

    def _entity_exists(self, name):
        try:
            _core.entity_find(self.context, name)
        except GxfError:
            return False
        return True

    def _check_only_sets_parameters(self, eid, components, place):
        """A second document of one file naming an entity that file already defined may set
        parameters of its components. One adding an unnamed component is an error: it makes an
        indistinguishable twin (two PingRx on one queue, one of which gets nothing), the
        copy-paste slip GXF merges silently. One adding named components only is merged with a
        warning: GXF's own test_entity_group_default.yaml does that. Another file may extend
        the entity silently (GXF's overlay files, e.g. its gather_subgraph.param.yaml)."""
        existing = {}
        sources = set()
        for cid in _core.component_find(self.context, eid, None, None):
            info = _core.component_info(self.context, cid)
            existing.setdefault(info["name"], info)
            sources.add(info["source"])
        if not any(source.rpartition(":")[0] == self.filename for source in sources):
            return
        places = [item["source"] for item in existing.values() if item["source"]]
        first = f" at {places[0]}" if places else " by an earlier document"
        added = []
        for node in components.value:
            if f"{self.filename}:{node.start_mark.line + 1}" in sources:
                continue  # the same file loaded again (to apply overrides): its own entry
            keys = {key.value: value for key, value in getattr(node, "value", [])
                    if isinstance(node, yaml.MappingNode)}
            name = keys["name"].value if isinstance(keys.get("name"), yaml.ScalarNode) else ""
            type_name = keys["type"].value if isinstance(keys.get("type"), yaml.ScalarNode) \
                else None
            if type_name is None:
                continue  # a name-only entry never adds a component: it overrides one
            info = existing.get(name) if name else None
            if info is not None and info["type"] == type_name:
                continue
            line = node.start_mark.line + 1
            if not name:
                _fail(place, "GXF_ARGUMENT_INVALID",
                      f"entity '{place.entity}' is already defined{first}; this document adds "
                      f"an unnamed component ({type_name}, line {line}) to it. A second "
                      "document naming an entity may only set parameters of its components or "
                      "add named ones: rename one of the entities, or allow duplicate entities "
                      f"(gxe.py --allow-duplicate-entities or {ALLOW_DUPLICATES_ENV}=1) to "
                      "merge them as GXF does")
            added.append(f"'{name}' (line {line})")
        if added:
            _LOG.warning("%s: entity '%s' is already defined%s; this document adds component(s) "
                         "%s to it (merged, as GXF does)", f"{place.filename}:{place.line}",
                         place.entity, first, ", ".join(added))

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
        self.entries.append(_ComponentEntry(cid, place, parameters, eid, name))

    def _find_or_create_component(self, eid, name, type_name, place):
        existing = _core.component_find(self.context, eid, None, name) if name else []
        if type_name is None:
            # A name-only entry overrides an existing component, or a subgraph interface that
            # exists once this file's subgraphs are loaded.
            return existing[0] if existing else None
        for cid in existing:
            if _core.component_info(self.context, cid)["type"] == type_name:
                return cid
        try:
            cid = _core.component_add(self.context, eid, type_name, name,
                                      f"{place.filename}:{place.line}")
        except GxfError as error:
            _wrap_core_error(place, error)
        place.component = _core.component_info(self.context, cid)["name"] or "<unnamed>"
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

    def _resolve_deferred(self, entry):
        if entry.cid is not None:
            return
        found = _core.component_find(self.context, entry.eid, None, entry.name) if entry.name else []
        if not found:
            _fail(entry.place, "GXF_ENTITY_COMPONENT_NOT_FOUND",
                  f"entry without 'type' overrides component '{entry.name}', which does not exist")
        entry.cid = found[0]

    def _is_subgraph(self, entry):
        """True for a loader directive (a component that includes graph files, e.g. Subgraph)."""
        return entry.cid is not None and \
            _core.component_graph_include(self.context, entry.cid) is not None

    def _load_subgraph(self, entry):
        """Load the files a loader directive names, once, with its entity as prefix."""
        if _core.subgraph_is_loaded(self.context, entry.cid):
            return
        files, prerequisites = _core.component_graph_include(self.context, entry.cid)
        if not files:
            return  # no location yet: a later parameter file may set it
        _core.subgraph_set_loaded(self.context, entry.cid)
        info = _core.component_info(self.context, entry.cid)
        place = self._location_place(entry)
        for path in files:
            if not os.path.isfile(self._subgraph_path(path)):
                _fail(place, "GXF_FILE_NOT_FOUND",
                      f"subgraph location '{path}' names no file"
                      f" (looked for {os.path.abspath(self._subgraph_path(path))})")
            # type(self): a subclass (gxf check's collecting loader) loads subgraphs too.
            type(self)(self.context, self._subgraph_path(path), self.raw_overrides,
                       prefix=info["entity"] + ".", parent=(info["eid"], prerequisites),
                       allow_duplicates=self.allow_duplicates).load()

    def _location_place(self, entry):
        """Where the entry's `location` is written; a tagged one fails: the loader would take
        the tag's argument as a literal path."""
        node = dict(entry.parameters).get("location")
        if node is None:
            return entry.place
        place = _Place(entry.place.filename, node.start_mark.line + 1, entry.place.entity,
                       entry.place.component, entry.place.type_name)
        tag = explicit_tag(node)
        if tag:
            _fail(place, "GXF_INVALID_DATA_FORMAT",
                  f"parameter 'location' has the YAML tag {tag}, which the loader does not "
                  f"interpret (it would read '{node.value}' as a file path); write the path "
                  "as a plain string")
        return place

    def _subgraph_path(self, path):
        root = _core.graph_root_path(self.context)
        if root and not os.path.isabs(path):
            return os.path.join(root, path)
        return path

    def _create_prerequisites_entity(self):
        _, prerequisites = self.parent
        if not prerequisites:
            return
        # Several files of one subgraph (a comma-separated location) share the entity.
        eid = self._find_or_create_entity(self.prefix + "prerequisites", _Place(self.filename))
        for name, cid in prerequisites.items():
            _core.entity_add_interface(self.context, eid, name, cid)

    def _export_interfaces(self):
        """Put this subgraph's interfaces on the parent entity's interface map."""
        parent_eid, _ = self.parent
        for node, place in self.interfaces:
            if not isinstance(node, yaml.SequenceNode):
                _fail(place, "GXF_FAILURE", "interfaces must be a sequence of {name, target}")
            for item in node.value:
                keys = {key.value: value.value for key, value in getattr(item, "value", [])
                        if isinstance(value, yaml.ScalarNode)}
                if "name" not in keys or "/" not in keys.get("target", ""):
                    _fail(place, "GXF_FAILURE",
                          "an interface needs 'name' and a 'target' of the form entity/component")
                entity, component = keys["target"].split("/", 1)
                try:
                    eid = _core.entity_find(self.context, self.prefix + entity)
                except GxfError as error:
                    _wrap_core_error(place, error)
                found = _core.component_find(self.context, eid, None, component)
                if not found:
                    _fail(place, "GXF_ENTITY_COMPONENT_NOT_FOUND",
                          f"interface '{keys['name']}' targets '{keys['target']}', which does not "
                          "exist")
                _core.entity_add_interface(self.context, parent_eid, keys["name"], found[0])

    def _set_parameters(self, entry):
        for key, value in entry.parameters:
            place = _Place(self.filename, value.start_mark.line + 1 if value.start_mark else 0,
                           entry.place.entity, entry.place.component, entry.place.type_name)
            try:
                _core.component_set_parameter(self.context, entry.cid, key, to_core_node(value),
                                              self.prefix, self.directory)
            except GxfError as error:
                _wrap_core_error(place, error)

    def _create_entity_groups(self, node, place):
        if not isinstance(node, yaml.SequenceNode):
            _fail(place, "GXF_FAILURE", "EntityGroups must be a sequence of {name, target}")
        for group in node.value:
            if not isinstance(group, yaml.MappingNode):
                _fail(place, "GXF_FAILURE", "an entity group must be a mapping with name and target")
            keys = {key.value: value for key, value in group.value}
            name = keys["name"].value if isinstance(keys.get("name"), yaml.ScalarNode) else ""
            targets = keys.get("target")
            if not name or not isinstance(targets, yaml.SequenceNode):
                _fail(place, "GXF_FAILURE", "an entity group needs a 'name' and a 'target' list")
            gid = _core.entity_group_create(self.context, self.prefix + name)
            for target in targets.value:
                try:
                    eid = _core.entity_find(self.context, self.prefix + target.value)
                    _core.entity_group_add(self.context, gid, eid)
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


def set_root_path(context, path):
    """Root directory for relative graph and subgraph file paths."""
    _core.graph_set_root_path(context, path)
    return path


def load_graph_file(context, filename, overrides=(), prefix="", allow_duplicates=None):
    """Load a graph file into `context`; raises GraphLoadError naming file/entity/component.
    Subgraph files named by Subgraph components are loaded too (after this file's entities).
    A document adding components to an entity an earlier document of the same file defined is
    an error unless `allow_duplicates` (default: the GXF_ALLOW_DUPLICATE_ENTITIES environment
    variable)."""
    root = _core.graph_root_path(context)
    if root and not os.path.isabs(filename):
        filename = os.path.join(root, filename)
    GraphFileLoader(context, filename, overrides, prefix,
                    allow_duplicates=allow_duplicates).load()
