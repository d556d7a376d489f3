# SPDX-License-Identifier: Apache-2.0
"""The graph-building API: `Graph`, `Entity`, `EntityGroup` (GXF's `gxf.core` classes).

A Graph is described in Python first (entities, components, parameters, nested graphs) and
created in its context by `activate()`: every entity and component of the whole tree first,
then entity groups, then every parameter, so a handle may name a component added later.
"""

import logging
import os
from collections.abc import Iterable

from gxf.core import _core
from gxf.core import logger as log
from gxf.core.component import Component
from gxf.core.exception_handler import exception_handler, install_crash_handler

__all__ = ["Graph", "Entity", "EntityGroup", "add_to_manifest", "EXTENSIONS_USED"]

_logger = log.get_logger("Core")

# Extension libraries of the wrapper packages imported so far (gxf.std, gxf.sample, ...):
# Graph.load_extensions() loads these when given nothing else, as GXF does.
EXTENSIONS_USED = []

_SEVERITIES = {logging.NOTSET: 0, logging.ERROR: 1, logging.WARNING: 2, logging.INFO: 3,
               logging.DEBUG: 4, "VERBOSE": 5}


def add_to_manifest(extension):
    """Record an extension library for Graph.load_extensions()'s default list."""
    if extension not in EXTENSIONS_USED:
        EXTENSIONS_USED.append(extension)


def _safe_setattr(owner, name, value):
    """Expose a child as an attribute unless that would hide one of the owner's members."""
    if name and name.isidentifier() and not hasattr(type(owner), name):
        setattr(owner, name, value)
    elif name and not hasattr(type(owner), name):
        owner.__dict__[name] = value  # reachable through getattr(owner, "in")


class _GraphNode:
    """What entities and entity groups share: a name, qualified by the graph's."""

    def __init__(self, name):
        self._name = name
        self._graph = None

    @property
    def name(self):
        """Name given at construction."""
        return self._name

    @property
    def graph(self):
        """The Graph this node was added to."""
        if self._graph is None:
            raise RuntimeError(f"{type(self).__name__} '{self._name}' is not added to a graph")
        return self._graph

    def set_graph(self, graph):
        """Attach to `graph` (done by Graph.add)."""
        self._graph = graph

    @property
    def qualified_name(self):
        """Name in the context: '<graph>-<name>' inside a named graph."""
        prefix = self.graph.qualified_name
        return f"{prefix}-{self._name}" if prefix else self._name

    @property
    def context(self):
        """Context of the graph."""
        return self.graph.context


class Entity(_GraphNode):
    """An entity of a Graph: holds components; created when the graph is activated."""

    def __init__(self, name="", is_system_entity=False):
        super().__init__(name)
        self._is_system_entity = is_system_entity
        self._components = []
        self._named_components = {}
        self._eid = None

    def __repr__(self):
        return f"<Entity '{self.qualified_name if self._graph else self._name}'>"

    @property
    def components(self):
        """Components in add order."""
        return self._components

    @property
    def named_components(self):
        """{name: component} of the named components."""
        return self._named_components

    @property
    def eid(self):
        """Entity id (after activation)."""
        return self._eid

    @eid.setter
    def eid(self, value):
        self._eid = value

    @property
    def is_system_entity(self):
        """GXF's flag; kept for compatibility (every graph entity is part of the program)."""
        return self._is_system_entity

    def set_system_entity_flag(self, is_system_entity):
        """Set GXF's system-entity flag."""
        self._is_system_entity = is_system_entity

    def add(self, component, visible_as=None):
        """Add a component; it becomes attribute `entity.<name>`; `visible_as` also makes it
        reachable as graph.get(alias)."""
        if not isinstance(component, Component):
            raise TypeError(f"entity '{self._name}': only components can be added, got "
                            f"{type(component).__name__}")
        if component.name and component.name in self._named_components:
            raise ValueError(f"entity '{self._name}' already has a component named "
                             f"'{component.name}'")
        component.set_entity(self)
        self._components.append(component)
        if component.name:
            self._named_components[component.name] = component
            _safe_setattr(self, component.name, component)
        if visible_as:
            self.graph.make_visible(visible_as, component)
        return component

    def activate(self):
        """Create this entity and its components in the context."""
        self._eid = _core.entity_create(self.context, self.qualified_name)
        for component in self._components:
            component.add_to(self)
            loader = getattr(component, "_load_into", None)
            if loader is not None:
                loader(self)  # a Subgraph component loads its file now

    def set_params(self):
        """Apply the parameters of this entity's components."""
        for component in self._components:
            component.set_params()


class EntityGroup(_GraphNode):
    """A named group of entities (shared resources such as thread pools and GPUs)."""

    def __init__(self, name=""):
        super().__init__(name)
        self._entities = []
        self._gid = None

    @property
    def entities(self):
        """Member entities."""
        return self._entities

    def add(self, entities):
        """Add an entity or a list of entities."""
        if isinstance(entities, Iterable):
            self._entities.extend(entities)
        else:
            self._entities.append(entities)
        return entities

    def activate(self):
        """Create the group in the context (its entities exist by then)."""
        self._gid = _core.entity_group_create(self.context, self.qualified_name)
        for entity in self._entities:
            _core.entity_group_add(self.context, self._gid, entity.eid)

    def set_params(self):
        """Groups have no parameters."""


class Graph:
    """A graph built in Python. `run()` activates it (creates entities, components and
    parameters in its context) and runs it; errors in the wrapped methods end the process
    through `exception_handler` (see gxf.core.exception_handler for getting at them)."""

    def __init__(self, name=""):
        install_crash_handler()
        self._name = name
        self._context = None
        self._parent = None
        self._is_subgraph = False
        self._nodes = []  # entities, groups and nested graphs, in add order
        self._named_entities = {}
        self._aliases = {}
        self._severity = 3
        self._created = False
        self._system = None
        self._scheduler = None

    def __repr__(self):
        return f"<Graph '{self.qualified_name}'>"

    @property
    def name(self):
        """Name given at construction."""
        return self._name

    def set_name(self, value):
        """Rename (before activation)."""
        self._name = value

    @property
    def parent(self):
        """Graph this one is nested in, or None."""
        return self._parent

    def set_parent(self, value):
        """Nest under `value`."""
        self._parent = value

    @property
    def is_subgraph(self):
        """Whether this graph is nested in another."""
        return self._is_subgraph

    @property
    def qualified_name(self):
        """Prefix of this graph's entity names: parent names joined with '-'."""
        if self._is_subgraph and self._parent.qualified_name:
            return f"{self._parent.qualified_name}-{self._name}"
        return self._name

    @property
    def context(self):
        """The context (created on first use; a nested graph uses its parent's)."""
        if self._is_subgraph:
            return self._parent.context
        if self._context is None:
            self._context = _core.context_create()
        return self._context

    @property
    def aliases(self):
        """{alias: component} made visible in this graph."""
        return self._aliases

    def make_visible(self, alias, component):
        """Publish `component` as graph.get(alias)."""
        if alias in self._aliases:
            raise RuntimeError(f"graph '{self._name}': alias '{alias}' is already used")
        self._aliases[alias] = component

    def update_alias(self, alias, value):
        """Point an existing alias at another component."""
        if alias not in self._aliases:
            raise ValueError(f"graph '{self._name}': alias '{alias}' is not set")
        self._aliases[alias] = value

    def get(self, alias):
        """Component published under `alias`."""
        if alias not in self._aliases:
            known = ", ".join(self._aliases) or "none"
            raise ValueError(f"graph '{self._name}': '{alias}' is not marked visible "
                             f"(visible: {known})")
        return self._aliases[alias]

    def as_subgraph_of(self, parent):
        """Nest this graph under `parent` (its own context, if any, is dropped)."""
        if self._context is not None:
            _core.context_destroy(self._context)
            self._context = None
        self._is_subgraph = True
        self._parent = parent

    def add(self, node):
        """Add an Entity, an EntityGroup or a named Graph (nested); returns it."""
        if isinstance(node, Entity):
            node.set_graph(self)
            if node.name:
                if node.name in self._named_entities:
                    raise ValueError(f"graph '{self._name}' already has an entity named "
                                     f"'{node.name}'")
                self._named_entities[node.name] = node
        elif isinstance(node, EntityGroup):
            node.set_graph(self)
        elif isinstance(node, Graph):
            if not node.name:
                raise RuntimeError("a graph added to a graph needs a name")
            node.as_subgraph_of(self)
        else:
            raise TypeError(f"cannot add {type(node).__name__} to a Graph")
        self._nodes.append(node)
        if node.name:
            _safe_setattr(self, node.name, node)  # also graph._system / graph._scheduler
        return node

    def _walk(self, kind):
        for node in self._nodes:
            if isinstance(node, Graph):
                yield from node._walk(kind)
            elif isinstance(node, kind):
                yield node

    def set_severity(self, log_level=logging.INFO):
        """Log level of the graph API and of the engine (a logging level)."""
        if log_level not in _SEVERITIES:
            raise ValueError(f"unknown log level {log_level!r}: use a logging level "
                             "(logging.ERROR, WARNING, INFO, DEBUG) or 'VERBOSE'")
        if log_level != "VERBOSE":
            _logger.setLevel(log_level)
        self._severity = _SEVERITIES[log_level]

    def activate(self):
        """Create the whole tree in the context: entities and components, groups, then every
        parameter (once; later calls do nothing)."""
        if self._is_subgraph:
            return self._parent.activate()
        if self._created:
            return None
        _core.gxf_set_severity(self.context, self._severity)
        entities = list(self._walk(Entity))
        for entity in entities:
            entity.activate()
        for group in self._walk(EntityGroup):
            group.activate()
        for entity in entities:
            entity.set_params()
        self._created = True
        return None

    def set_params(self):
        """Parameters are applied by activate()."""

    @exception_handler
    def load_extensions(self, extension_filenames=None, manifest_files=None, workspace=""):
        """Load extensions (default: those of the imported wrapper packages) and manifests;
        `workspace` (default $GXF_WORKSPACE) prefixes every path."""
        from gxf.core import load_extensions

        if not extension_filenames and not manifest_files:
            extension_filenames = list(EXTENSIONS_USED)
        if not workspace:
            workspace = os.environ.get("GXF_WORKSPACE", "")
        load_extensions(self.context, extension_filenames=extension_filenames or [],
                        manifest_filenames=manifest_files or [], base_directory=workspace)

    @exception_handler
    def run(self):
        """Activate and run to the end."""
        from gxf.core import graph_activate, graph_run

        self.activate()
        graph_activate(self.context)
        graph_run(self.context)

    @exception_handler
    def run_async(self):
        """Activate and start running; wait() waits for the end."""
        from gxf.core import graph_activate, graph_run_async

        self.activate()
        graph_activate(self.context)
        graph_run_async(self.context)

    @exception_handler
    def interrupt(self):
        """Ask the running graph to stop."""
        from gxf.core import graph_interrupt

        graph_interrupt(self.context)

    @exception_handler
    def wait(self):
        """Wait for a run_async() run to end."""
        from gxf.core import graph_wait

        graph_wait(self.context)

    @exception_handler
    def destroy(self):
        """Deactivate the graph and destroy its context."""
        from gxf.core import context_destroy, graph_deactivate

        graph_deactivate(self.context)
        context_destroy(self.context)
        self._context = None
        self._created = False  # a later run() builds the graph again in a new context

    @exception_handler
    def save(self, filename):
        """Write the graph as a YAML graph file (gxe.py and GXF load it)."""
        from gxf.core.graph_save import graph_save

        self.activate()
        root = self._parent if self._is_subgraph else self
        while root._is_subgraph:
            root = root._parent
        groups = [(group.qualified_name, [entity.qualified_name for entity in group.entities])
                  for group in root._walk(EntityGroup)]
        graph_save(self.context, filename, groups)

    def get_extension_list(self):
        """UUIDs of the loaded extensions."""
        from gxf.core import registry

        return registry.get_extension_list(self.context)

    def get_extension_info(self, uuid):
        """Information about a loaded extension."""
        from gxf.core import registry

        return registry.get_extension_info(self.context, uuid)

    def get_component_list(self, uuid):
        """Component type UUIDs of an extension."""
        from gxf.core import registry

        return registry.get_component_list(self.context, uuid)

    def get_component_info(self, uuid):
        """Information about a component type."""
        from gxf.core import registry

        return registry.get_component_info(self.context, uuid)

    def get_param_list(self, uuid):
        """Parameter keys of a component type."""
        from gxf.core import registry

        return registry.get_param_list(self.context, uuid)

    def get_param_info(self, uuid, key):
        """Metadata of one parameter of a component type."""
        from gxf.core import registry

        return registry.get_param_info(self.context, uuid, key)

    def entity_find_all(self):
        """Eids of the entities in the context."""
        return _core.entity_find_all(self.context)
