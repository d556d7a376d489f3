# SPDX-License-Identifier: Apache-2.0
"""GXF core API: contexts, extensions, graph loading and the graph lifecycle."""

import faulthandler
import os
import time

import yaml

from gxf.core import _core
from gxf.core._core import (
    MessageEntity,
    component_add,
    component_info,
    component_type_name,
    context_create,
    entity_find,
    entity_find_all,
    entity_get_name,
    entity_get_ref_count,
    entity_get_status,
    entity_group_add,
    entity_group_create,
    entity_group_id,
    entity_group_name,
    extension_list,
    gxf_set_severity,
)
from gxf.core.errors import (
    ActivationError,
    CodeletError,
    ComponentLookupError,
    ExtensionError,
    GraphTimeoutError,
    GraphLoadError,
    GxfError,
    HandleError,
    ParameterError,
    error_report,
)
from gxf.core.bounded_wait import interrupt_quietly, run_bounded
from gxf.core.graph_loader import load_graph_file, set_root_path
from gxf.core.manifest import load_extension, load_manifest
from gxf.core.yaml_nodes import compose_documents, to_core_node
from gxf.core import registry, typed_parameters
from gxf.core.typed_parameters import *  # noqa: F401,F403 - parameter_set_<type> ...

__all__ = [
    "MessageEntity",
    "GxfError",
    "error_report",
    "GraphLoadError",
    "ParameterError",
    "HandleError",
    "ExtensionError",
    "ActivationError",
    "CodeletError",
    "ComponentLookupError",
    "GraphTimeoutError",
    "context_create",
    "context_destroy",
    "gxf_set_severity",
    "load_extensions",
    "graph_load_file",
    "set_root_filepath",
    "graph_activate",
    "graph_run",
    "graph_run_async",
    "graph_wait",
    "graph_interrupt",
    "graph_deactivate",
    "entity_find",
    "entity_find_all",
    "entity_get_name",
    "entity_get_status",
    "entity_get_ref_count",
    "entity_event_notify",
    "entity_notify_event_type",
    "entity_group_create",
    "entity_group_add",
    "entity_group_id",
    "entity_group_name",
    "component_add",
    "component_find",
    "component_info",
    "component_type_id",
    "component_type_name",
    "extension_list",
    "gxf_tid_t",
    "tid_null",
    "library_directory",
    "include_directory",
    "parameter_set_from_yaml_node",
    "parameter_get",
    "get_gxf_primitive_type",
    "graph_save",
    "entity_create",
    "component_add_to_interface",
    "gxf_entity_create_info",
    "_subgraph_load_file",
    "Graph",
    "Entity",
    "EntityGroup",
    "Component",
    "exception_handler",
    "crash_handler",
    "add_to_manifest",
] + typed_parameters.__all__ + [name for name in registry.__all__ if name != "parameter_info"]

faulthandler.enable()


class gxf_tid_t:  # noqa: N801 - GXF's name
    """A component type id (two 64-bit halves of a UUID)."""

    def __init__(self, hash1=0, hash2=0):
        self.hash1 = hash1
        self.hash2 = hash2

    def __eq__(self, other):
        return (self.hash1, self.hash2) == (other.hash1, other.hash2)

    def __hash__(self):
        return hash((self.hash1, self.hash2))

    def __repr__(self):
        return f"gxf_tid_t({self.hash1:#018x}, {self.hash2:#018x})"


def library_directory():
    """Folder holding the runtime library libgxf_core.so (extensions sit in gxf/<name>/)."""
    return os.path.dirname(_core.__file__)


def include_directory():
    """Folder holding the public C++ headers, for building extensions."""
    return os.path.join(os.path.dirname(os.path.dirname(_core.__file__)), "include")


def tid_null():
    """The null type id."""
    return gxf_tid_t()


def context_destroy(context, timeout=None):
    """Destroy a context: stop a running graph, deactivate what is still active and free
    everything. With `timeout` (s), a graph that does not stop in time raises
    GraphTimeoutError naming the codelet calls still running, and the context stays alive."""
    if timeout is not None:
        deadline = time.monotonic() + timeout
        interrupt_quietly(context)
        try:
            run_bounded(context, "wait", _core._graph_wait, timeout)
        except GraphTimeoutError:
            raise
        except GxfError:
            pass  # the run's own failure was, or will not be, reported by graph_wait
        run_bounded(context, "stop", _core._runtime_stop, max(0.0, deadline - time.monotonic()))
    _core.context_destroy(context)


def load_extensions(context, extension_filenames=None, manifest_filenames=None,
                    base_directory=""):
    """Load extension libraries, then every extension listed in the manifest files."""
    for filename in extension_filenames or []:
        path = os.path.join(base_directory, filename) if base_directory else filename
        load_extension(context, path)
    for filename in manifest_filenames or []:
        path = os.path.join(base_directory, filename) if base_directory else filename
        load_manifest(context, path)


def set_root_filepath(context, path):
    """Root directory for relative graph and subgraph paths."""
    set_root_path(context, path)


def graph_load_file(context, filename, overrides=None, allow_duplicate_entities=None):
    """Load a graph file; `overrides` are 'entity/component/key=value' strings. A document
    adding components to an entity an earlier document of the same file defined fails the
    load unless `allow_duplicate_entities` (None: the GXF_ALLOW_DUPLICATE_ENTITIES environment
    variable)."""
    load_graph_file(context, filename, overrides or (), allow_duplicates=allow_duplicate_entities)


def graph_activate(context):
    """Activate the graph: check parameters, initialize components, register routes."""
    try:
        _core.graph_activate(context)
    except GxfError as error:
        raise ActivationError(error.message, code=error.code, detail=error.detail) from error


def graph_run_async(context):
    """Start the graph's scheduler and return at once."""
    _core.graph_run_async(context)


def graph_wait(context, timeout=None, interrupt_grace=2.0, interrupted=False):
    """Wait for the run to end. Ctrl-C interrupts the graph; if it has not stopped
    `interrupt_grace` s later (None: wait on), or the run has not ended within `timeout` s,
    GraphTimeoutError names the codelet calls still running. A second Ctrl-C raises
    KeyboardInterrupt at once. `interrupted`: the caller interrupted the graph already (a
    Ctrl-C that came before this wait), so the grace period starts now."""
    run_bounded(context, "wait", _core._graph_wait, timeout, interrupt_grace,
                on_ctrl_c=interrupt_quietly, interrupted=interrupted)


def graph_run(context):
    """Run the graph to the end (run_async + wait)."""
    graph_run_async(context)
    graph_wait(context)


def graph_interrupt(context):
    """Ask a running graph to stop; graph_wait then returns."""
    _core.graph_interrupt(context)


def graph_deactivate(context):
    """Deactivate the graph: stop entities, deinitialize components (runs their checks)."""
    _core.graph_deactivate(context)


def entity_event_notify(context, eid):
    """Send an EXTERNAL event to the scheduler for entity `eid`."""
    _core.entity_notify(context, eid, 1)


def entity_notify_event_type(context, eid, event):
    """Send an event of a given type (0 custom .. 5 state update) for entity `eid`."""
    _core.entity_notify(context, eid, int(event))


def _type_name_of(context, tid):
    if tid is None or isinstance(tid, str):
        return tid
    if tid.hash1 == 0 and tid.hash2 == 0:
        return None
    return _core.component_type_name(context, tid.hash1, tid.hash2)


def component_find(context, eid, tid=None, component_name=None):
    """Cids of components of entity `eid` matching a type (tid or name) and/or a name; a
    type id no loaded extension registers matches nothing, as in GXF."""
    try:
        type_name = _type_name_of(context, tid)
    except GraphLoadError as error:
        if error.code == "GXF_FACTORY_UNKNOWN_TID":
            return []
        raise
    return _core.component_find(context, eid, type_name, component_name)


def component_type_id(context, type_name):
    """Type id of a registered component type."""
    hash1, hash2 = _core.component_type_id(context, type_name)
    return gxf_tid_t(hash1, hash2)


def parameter_set_from_yaml_node(context, cid, key, yaml_text):
    """Set a parameter from YAML text, parsed by the parameter's registered type."""
    documents = compose_documents(str(yaml_text))
    node = documents[0] if documents else yaml.ScalarNode("tag:yaml.org,2002:null", "")
    _core.component_set_parameter(context, cid, key, to_core_node(node), "")


def parameter_get(context, cid, key):
    """A parameter's current value as a Python object."""
    value = _core.parameter_get_yaml(context, cid, key)
    if isinstance(value, tuple):
        return yaml.safe_load(value[0]) if not value[2] else value[0]
    return yaml.safe_load(value) if value != "" else ""


def _subgraph_load_file(context, filename, entity_prefix, parent_eid, prerequisites_yaml=""):
    """Load `filename` as the subgraph of entity `parent_eid` (a Subgraph component): its
    entities are named '<entity_prefix>.<name>', its interfaces land on the parent entity,
    and `prerequisites_yaml` maps prerequisite names to 'entity/component' handles."""
    from gxf.core.graph_loader import GraphFileLoader

    prerequisites = {}
    for key, target in (yaml.safe_load(prerequisites_yaml or "") or {}).items():
        entity, _, component = str(target).partition("/")
        found = _core.component_find(context, _core.entity_find(context, entity), None,
                                     component)
        if not found:
            raise ComponentLookupError(
                f"GXF_ENTITY_COMPONENT_NOT_FOUND: subgraph '{filename}': prerequisite "
                f"'{key}' names '{target}', which does not exist",
                code="GXF_ENTITY_COMPONENT_NOT_FOUND")
        prerequisites[key] = found[0]
    loader = GraphFileLoader(context, filename, prefix=f"{entity_prefix}.",
                             parent=(parent_eid, prerequisites))
    loader.filename = loader._subgraph_path(filename)  # relative to the context's root path
    loader.load()


def component_add_to_interface(context, eid, cid, name):
    """Expose component `cid` on entity `eid` under interface `name` ('entity/name'
    handles then reach it)."""
    _core.entity_add_interface(context, eid, name, cid)


class gxf_entity_create_info:  # noqa: N801 - GXF's name
    """Arguments of entity_create: a name and flags (bit 0: add to the program)."""

    def __init__(self, entity_name="", flags=0):
        self.entity_name = entity_name
        self.flags = flags


def entity_create(context, info):
    """Create a graph entity from a gxf_entity_create_info; returns its eid."""
    return _core.entity_create(context, info.entity_name or "")


def get_gxf_primitive_type(dtype):
    """GXF PrimitiveType name of a NumPy dtype."""
    import numpy

    names = {
        numpy.int8: "kInt8", numpy.uint8: "kUInt8", numpy.int16: "kInt16",
        numpy.uint16: "kUInt16", numpy.int32: "kInt32", numpy.uint32: "kUInt32",
        numpy.int64: "kInt64", numpy.uint64: "kUInt64", numpy.float16: "kFloat16",
        numpy.float32: "kFloat32", numpy.float64: "kFloat64",
    }
    return "nvidia::gxf::PrimitiveType::" + names.get(numpy.dtype(dtype).type, "kCustom")


# The graph-building API (GXF's Gxf.py), on top of the functions above.
from gxf.core.registry import (  # noqa: E402,F401 - listed in __all__
    component_types,
    get_component_info,
    get_component_list,
    get_extension_info,
    get_extension_list,
    get_param_info,
    get_param_list,
)
from gxf.core.graph_save import graph_save  # noqa: E402
from gxf.core.exception_handler import crash_handler, exception_handler  # noqa: E402
from gxf.core.component import Component  # noqa: E402
from gxf.core.graph import Entity, EntityGroup, Graph, add_to_manifest  # noqa: E402
