# SPDX-License-Identifier: Apache-2.0
"""Loads graph files into a scratch context for inspection, collecting every problem (with
file:line, entity, component and parameter) instead of stopping at the first one."""

import contextlib
import os

from gxf import core
from gxf.core import _core
from gxf.core.registry import load_packaged_extensions
from gxf.core.errors import GxfError
from gxf.core.graph_loader import GraphFileLoader, set_root_path
from gxf.core.manifest import load_manifest
from gxf.tools.registry import did_you_mean, parameter_specs, type_names

__all__ = ["Finding", "Inspection", "inspect_graph", "GraphToolError"]

_UNKNOWN_TYPE_CODES = {"GXF_FACTORY_UNKNOWN_CLASS_NAME", "GXF_FACTORY_ABSTRACT_CLASS"}
_CONNECTION = "nvidia::gxf::Connection"


class GraphToolError(Exception):
    """A user mistake that stops a tool (unreadable file, bad manifest): one line, no traceback."""


class Finding:
    """One problem in a graph: where it is, what is wrong, how bad.

    `engine_fails` is True when the engine itself rejects the graph for it (at load or
    activation); gxe.py reports other findings as warnings, since GXF would run the graph."""

    def __init__(self, severity, message, filename="", line=0, entity=None, component=None,
                 parameter=None, engine_fails=False):
        self.severity = severity  # "error" or "warning"
        self.message = message
        self.filename = filename
        self.line = line
        self.entity = entity
        self.component = component
        self.parameter = parameter
        self.engine_fails = engine_fails

    def where(self):
        """'file.yaml:14: entity 'tx', component 'ping', parameter 'count''."""
        parts = []
        if self.entity is not None:
            parts.append(f"entity '{self.entity}'")
        if self.component is not None:
            parts.append(f"component '{self.component}'")
        if self.parameter is not None:
            parts.append(f"parameter '{self.parameter}'")
        location = f"{self.filename}:{self.line}" if self.line else self.filename
        return ": ".join(part for part in (location, ", ".join(parts)) if part)

    def format(self, severity=None):
        """The finding as one line: 'file:line: entity ..., component ...: error: message'."""
        where = self.where()
        return f"{where + ': ' if where else ''}{severity or self.severity}: {self.message}"

    def __repr__(self):
        return f"Finding({self.format()!r})"


class Place:
    """Where a component was declared."""

    def __init__(self, filename, line, entity, component, type_name):
        self.filename = filename
        self.line = line
        self.entity = entity
        self.component = component
        self.type_name = type_name


class Inspection:
    """A graph loaded for inspection: the scratch context, where each component was declared,
    and the problems found while loading. Close it (or use `with`) to free the context."""

    def __init__(self, context):
        self.context = context
        self.findings = []
        self.places = {}  # cid -> Place
        self.parameter_lines = {}  # (cid, key) -> line
        self.failed_parameters = set()  # (cid, key) whose value was rejected (already a finding)
        self.files = []

    def add(self, severity, message, place=None, parameter=None, line=None, engine_fails=False):
        """Record a finding at a loader place (or nowhere in particular)."""
        self.findings.append(Finding(
            severity, message, getattr(place, "filename", ""),
            line if line is not None else getattr(place, "line", 0),
            getattr(place, "entity", None), getattr(place, "component", None), parameter,
            engine_fails))

    def place_of(self, cid):
        """The Place of a component, or None for one the loader did not declare."""
        return self.places.get(cid)

    def close(self):
        """Destroy the scratch context."""
        if self.context is not None:
            _inspections.pop(self.context, None)
            core.context_destroy(self.context)
            self.context = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_inspections = {}  # context -> Inspection, for subgraph loaders the base loader creates


class _CheckingLoader(GraphFileLoader):
    """The graph loader, keeping on after a bad type or parameter and recording each one."""

    def __init__(self, context, filename, overrides=(), prefix="", parent=None,
                 allow_duplicates=None):
        super().__init__(context, filename, overrides, prefix, parent, allow_duplicates)
        self.inspection = _inspections[context]
        self.inspection.files.append(filename)
        self.unknown = set()  # ids of entries whose type is not registered

    def _find_or_create_component(self, eid, name, type_name, place):
        try:
            cid = super()._find_or_create_component(eid, name, type_name, place)
        except GxfError as error:
            if error.code not in _UNKNOWN_TYPE_CODES:
                raise
            place.component = name or "<unnamed>"
            hint = did_you_mean(type_name, type_names(self.context))
            what = "abstract" if error.code == "GXF_FACTORY_ABSTRACT_CLASS" else "unknown"
            self.inspection.add("error", f"{what} component type '{type_name}'{hint}", place,
                                engine_fails=True)
            return None
        if cid is not None:
            self.inspection.places[cid] = Place(place.filename, place.line, place.entity,
                                                place.component, type_name)
        return cid

    def _load_component(self, eid, node, entity_place):
        before = len(self.entries)
        super()._load_component(eid, node, entity_place)
        entry = self.entries[-1] if len(self.entries) > before else None
        if entry is not None and entry.cid is None and entry.place.type_name is not None:
            self.unknown.add(id(entry))

    def _resolve_deferred(self, entry):
        if id(entry) in self.unknown:
            return
        try:
            super()._resolve_deferred(entry)
        except GxfError as error:
            self.inspection.add("error", error.detail, entry.place, engine_fails=True)
            self.unknown.add(id(entry))
            return
        self.inspection.places.setdefault(entry.cid, Place(
            entry.place.filename, entry.place.line, entry.place.entity, entry.place.component,
            _core.component_info(self.context, entry.cid)["type"]))

    def _set_parameters(self, entry):
        if entry.cid is None or id(entry) in self.unknown:
            return
        type_name = _core.component_info(self.context, entry.cid)["type"]
        specs = parameter_specs(self.context, type_name)
        for key, value in entry.parameters:
            line = value.start_mark.line + 1 if value.start_mark else entry.place.line
            self.inspection.parameter_lines[(entry.cid, key)] = line
            if specs and key not in specs:
                self.inspection.add(
                    "error", f"unknown parameter '{key}' of {type_name}"
                    f"{did_you_mean(key, specs)}; known: {', '.join(sorted(specs))}",
                    entry.place, key, line)
            single = type(entry)(entry.cid, entry.place, [(key, value)], entry.eid, entry.name)
            try:
                super()._set_parameters(single)
            except GxfError as error:
                self.inspection.failed_parameters.add((entry.cid, key))
                self.inspection.add("error", self._explain(error, entry, type_name, key, value),
                                    entry.place, key, line, engine_fails=True)

    def _explain(self, error, entry, type_name, key, value):
        """The core's reason, with a did-you-mean for a handle that names nothing."""
        reason = "".join(f"{item}: " for item in reversed(error.context)) + error.detail
        target = getattr(value, "value", None)
        if isinstance(target, str) and ("no component named" in reason or
                                         "no entity named" in reason):
            reason += self._suggest_handle(target, entry.place.entity)
        if type_name == _CONNECTION and " is not a " in reason:
            wanted = "transmitter" if key == "source" else "receiver"
            reason += f" (a Connection's {key} must be a {wanted}: it runs transmitter -> receiver)"
        return reason

    def _suggest_handle(self, target, own_entity):
        """Did-you-mean for a handle 'entity/component' (or 'component' of its own entity)."""
        names = [_core.entity_get_name(self.context, eid)
                 for eid in _core.entity_find_all(self.context)]
        entity, component = target.split("/", 1) if "/" in target else (None, target)
        full = self.prefix + entity if entity is not None else own_entity
        if full not in names:
            return did_you_mean(entity, [name[len(self.prefix):] for name in names
                                         if name.startswith(self.prefix)])
        eid = _core.entity_find(self.context, full)
        components = [_core.component_info(self.context, cid)["name"]
                      for cid in _core.component_find(self.context, eid, None, None)]
        return did_you_mean(component, [name for name in components if name])

    def _load_subgraph(self, entry):
        try:
            super()._load_subgraph(entry)
        except GxfError as error:
            self.inspection.add("error", error.detail or error.message, entry.place,
                                "location", engine_fails=True)


def _missing(path):
    """Why a path that should be a file is not one."""
    return "it is a directory" if os.path.isdir(path) else "no such file"


def _load_extensions(context, manifests):
    """Load the manifests, or every built-in extension when none is given."""
    if not manifests:
        load_packaged_extensions(context)
        return
    for manifest in manifests:
        if not os.path.isfile(manifest):
            raise GraphToolError(f"cannot read manifest '{manifest}': " + _missing(manifest))
        try:
            load_manifest(context, manifest)
        except GxfError as error:
            raise GraphToolError(error.detail) from None


def inspect_graph(apps, manifests=(), overrides=(), root="", graph_directory="",
                  severity_after=None):
    """Load graph files (loaded in order, as gxe.py does) into a scratch context and return the
    Inspection; raises GraphToolError for an unreadable manifest or graph file.

    The engine's log is silenced while loading (its messages would repeat the findings); the
    log severity is global, so a caller running a graph too passes its severity to restore."""
    for app in apps:
        path = os.path.join(graph_directory, app) if graph_directory else app
        path = os.path.join(root, path) if root and not os.path.isabs(path) else path
        if not os.path.isfile(path):
            raise GraphToolError(f"cannot read graph file '{path}': " + _missing(path))
    context = _core.context_create()
    inspection = Inspection(context)
    _inspections[context] = inspection
    _core.gxf_set_severity(context, 0)
    try:
        _load_extensions(context, manifests)
        if root:
            set_root_path(context, root)
        for app in apps:
            path = os.path.join(graph_directory, app) if graph_directory else app
            path = os.path.join(root, path) if root and not os.path.isabs(path) else path
            _load_file(inspection, path, overrides)
    except BaseException:
        inspection.close()
        raise
    finally:
        if severity_after is not None:
            _core.gxf_set_severity(context, severity_after)
    return inspection


def _load_file(inspection, path, overrides):
    """Load one file; a problem the loader cannot step over becomes a finding."""
    try:
        _CheckingLoader(inspection.context, path, overrides).load()
    except GxfError as error:
        # The loader's message is "CODE: <file:line, entity, component>: <detail>"; keep the
        # place in front, where every finding has it.
        message = error.message
        if message.startswith(error.code + ": "):
            message = message[len(error.code) + 2:]
        where = ""
        if error.detail and message.endswith(": " + error.detail):
            where, message = message[:-len(error.detail) - 2], error.detail
        inspection.findings.append(Finding("error", message, where, engine_fails=True))


@contextlib.contextmanager
def open_graph(tool, args):
    """For a `gxf` subcommand: yield (Inspection, networkx graph) of args.app/--manifest/
    --param, or None after printing a one-line error for an unreadable file or manifest."""
    import sys

    from gxf.cli import split_list
    from gxf.tools.graph_model import graph_from_context

    try:
        inspection = inspect_graph(split_list(args.app), split_list(args.manifest), args.param,
                                   root=args.app_root)
    except GraphToolError as error:
        print(f"{tool}: error: {error}", file=sys.stderr)
        yield None
        return
    with inspection:
        yield inspection, graph_from_context(inspection.context, inspection)
