# SPDX-License-Identifier: Apache-2.0
"""The structure of a loaded graph as a networkx MultiDiGraph: entities, their components,
queues as ports, connections with capacity and policy, subgraphs as clusters.

Nodes are named as GXF names things: an entity by its name ("tx", "sub.rx"), a component by
"entity/component". Node attributes: `kind` ("entity" or "component"); for components `role`
(codelet, receiver, transmitter, term, combiner, scheduler, clock, allocator, connection,
subgraph, other), `type`, `cid`, `entity`, `name`, `parameters` ({key: YAML text}); for
entities `eid`, `cluster` (the Subgraph entity that created it, or None) and, where the
file named it, `label` (its name as written, "<unnamed>" for none). Where the graph was
read by `gxf.tools.inspection`, nodes also carry `file` and `line`.

Edges carry `kind`: "contains" (entity -> component), "handle" (component -> component it
names in parameter `parameter`), "connection" (transmitter -> receiver, with `capacity`,
`policy`, `via`: the Connection component or "topic <name>").
"""

import yaml

import networkx as nx

from gxf.core import _core
from gxf.core.errors import GxfError
from gxf.tools.registry import is_a, parameter_specs

__all__ = ["graph_from_context", "graph_from_files", "entities", "components_of", "connections", "clusters",
           "POLICY_NAMES"]

# Most specific first: a component gets the first role whose base type it derives from.
_ROLES = [
    ("receiver", "nvidia::gxf::Receiver"),
    ("transmitter", "nvidia::gxf::Transmitter"),
    ("codelet", "nvidia::gxf::Codelet"),
    ("term", "nvidia::gxf::SchedulingTerm"),
    ("combiner", "nvidia::gxf::SchedulingTermCombiner"),
    ("scheduler", "nvidia::gxf::Scheduler"),
    ("clock", "nvidia::gxf::Clock"),
    ("allocator", "nvidia::gxf::Allocator"),
    ("connection", "nvidia::gxf::Connection"),
    ("subgraph", "nvidia::gxf::Subgraph"),
    ("topic", "nvidia::gxf::Topic"),
]
POLICY_NAMES = {"0": "pop", "1": "reject", "2": "fault"}


def _role(context, cid):
    for role, base in _ROLES:
        if is_a(context, cid, base):
            return role
    return "other"


def _parameters(context, cid, type_name):
    """{key: YAML text} of the set parameters; handle values are 'entity/component' text."""
    values = {}
    for key in parameter_specs(context, type_name):
        try:
            value = _core.parameter_get_yaml(context, cid, key)
        except GxfError:
            continue  # not set
        values[key] = value if isinstance(value, str) else value[0]
    return values


def _handle_targets(text):
    """The 'entity/component' names in a handle parameter's text (one or a list)."""
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return []
    items = value if isinstance(value, list) else [value]
    if isinstance(value, dict):
        items = list(value.values())
    return [item for item in items if isinstance(item, str) and "/" in item]


def _component_node(graph, entity, info):
    """'entity/name'; an unnamed component is 'entity/<Type>' ('<Type>#2' for a second one)."""
    if info["name"]:
        return f"{entity}/{info['name']}"
    base = f"{entity}/<{info['type'].rsplit('::', 1)[-1]}>"
    node, count = base, 1
    while node in graph:
        count += 1
        node = f"{base[:-1]}#{count}>"
    return node


def graph_from_context(context, inspection=None):
    """The graph loaded in `context` as a networkx MultiDiGraph (see the module docstring)."""
    graph = nx.MultiDiGraph()
    subgraph_entities = []
    for eid in _core.entity_find_all(context):
        name = _core.entity_get_name(context, eid)
        graph.add_node(name, kind="entity", eid=eid, cluster=None)
        for cid in _core.component_find(context, eid, None, None):
            info = _core.component_info(context, cid)
            if info["eid"] != eid:
                continue  # an interface exported by a subgraph, not a component of this entity
            node = _component_node(graph, name, info)
            role = _role(context, cid)
            graph.add_node(node, kind="component", role=role, type=info["type"], cid=cid,
                           entity=name, name=info["name"],
                           parameters=_parameters(context, cid, info["type"]))
            graph.add_edge(name, node, kind="contains")
            if role == "subgraph":
                subgraph_entities.append(name)
            place = inspection.place_of(cid) if inspection is not None else None
            if place is not None:
                graph.nodes[node].update(file=place.filename, line=place.line)
                graph.nodes[name].setdefault("file", place.filename)
                graph.nodes[name].setdefault("line", place.line)
                graph.nodes[name].setdefault("label", place.entity)
    _add_handles(context, graph)
    _add_connections(graph)
    _assign_clusters(graph, subgraph_entities)
    return graph


def graph_from_files(apps, manifests=(), overrides=(), root=""):
    """The graph of graph files (loaded in order into a scratch context, with `manifests`, else
    the built-in extensions) with file and line attributes; problems the loader found are in
    graph.graph["findings"]. Raises gxf.tools.inspection.GraphToolError for unreadable files."""
    from gxf.tools.inspection import inspect_graph

    with inspect_graph(list(apps), list(manifests), list(overrides), root) as inspection:
        graph = graph_from_context(inspection.context, inspection)
        graph.graph["findings"] = list(inspection.findings)
    return graph


def _add_handles(context, graph):
    for node, data in list(graph.nodes(data=True)):
        if data["kind"] != "component":
            continue
        specs = parameter_specs(context, data["type"])
        for key, text in data["parameters"].items():
            spec = specs.get(key)
            if spec is None or not spec.is_handle:
                continue
            for target in _handle_targets(text):
                if target in graph:
                    graph.add_edge(node, target, kind="handle", parameter=key)


def _queue_settings(graph, receiver):
    parameters = graph.nodes[receiver]["parameters"]
    capacity = parameters.get("capacity")
    policy = parameters.get("policy")
    return (int(capacity) if capacity is not None and capacity.lstrip("-").isdigit() else None,
            POLICY_NAMES.get(policy, policy))


def _add_connections(graph):
    for node, data in list(graph.nodes(data=True)):
        if data.get("role") == "connection":
            ends = {attrs["parameter"]: target for _, target, attrs in
                    graph.out_edges(node, data=True) if attrs["kind"] == "handle"}
            source, target = ends.get("source"), ends.get("target")
            if source and target:
                capacity, policy = _queue_settings(graph, target)
                graph.add_edge(source, target, kind="connection", via=node, capacity=capacity,
                               policy=policy)
    _add_topic_connections(graph)


def _add_topic_connections(graph):
    """Topics route every transmitter of a name to every receiver of the same name."""
    by_name = {}
    for node, data in graph.nodes(data=True):
        if data.get("role") == "topic":
            name = yaml.safe_load(data["parameters"].get("topic_name", "''")) or data["name"]
            ends = by_name.setdefault(str(name), ([], []))
            for _, target, attrs in graph.out_edges(node, data=True):
                if attrs["kind"] == "handle":
                    ends[0 if attrs["parameter"] == "transmitters" else 1].append(target)
    for name, (transmitters, receivers) in by_name.items():
        for source in transmitters:
            for target in receivers:
                capacity, policy = _queue_settings(graph, target)
                graph.add_edge(source, target, kind="connection", via=f"topic {name}",
                               capacity=capacity, policy=policy)


def _assign_clusters(graph, subgraph_entities):
    """Entities a Subgraph created are named '<its entity>.<name>': the longest prefix wins."""
    for name, data in graph.nodes(data=True):
        if data["kind"] != "entity":
            continue
        owners = [owner for owner in subgraph_entities if name.startswith(owner + ".")]
        data["cluster"] = max(owners, key=len) if owners else None


def entities(graph):
    """Entity node names, in graph order."""
    return [node for node, data in graph.nodes(data=True) if data["kind"] == "entity"]


def components_of(graph, entity, role=None):
    """Component node names of an entity, optionally of one role."""
    return [target for _, target, attrs in graph.out_edges(entity, data=True)
            if attrs["kind"] == "contains" and role in (None, graph.nodes[target]["role"])]


def connections(graph):
    """(transmitter, receiver, attributes) of every connection edge."""
    return [(source, target, attrs) for source, target, attrs in graph.edges(data=True)
            if attrs["kind"] == "connection"]


def clusters(graph):
    """{subgraph entity: [entities it created]} (nested subgraphs listed under their own)."""
    result = {}
    for node, data in graph.nodes(data=True):
        if data["kind"] == "entity" and data["cluster"] is not None:
            result.setdefault(data["cluster"], []).append(node)
    return result
