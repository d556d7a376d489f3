# SPDX-License-Identifier: Apache-2.0
"""`gxf check`: find what is wrong with a graph without running it.

Load problems (unknown type or parameter, wrong value type, handle naming nothing...) come
from gxf.tools.inspection; this module adds the checks that need the whole graph: required
parameters left unset, queues never connected, receivers no term waits for, and queue
arrangements that deadlock (certainly: an error; possibly: a warning).
"""

import os
import sys

import networkx as nx
import yaml

from gxf.tools.graph_model import components_of, connections, entities, graph_from_context
from gxf.tools.inspection import Finding
from gxf.tools.registry import parameter_specs

__all__ = ["check_graph", "configure", "main"]

# Terms that keep their entity from ticking until a receiver holds a message.
_WAITING_TERMS = {
    "nvidia::gxf::MessageAvailableSchedulingTerm": "receiver",
    "nvidia::gxf::ExpiringMessageAvailableSchedulingTerm": "receiver",
    "nvidia::gxf::MultiMessageAvailableSchedulingTerm": "receivers",
}
_BACK_PRESSURE = "nvidia::gxf::DownstreamReceptiveSchedulingTerm"
_PY_CODELET = "nvidia::gxf::PyCodeletV0"
_COMBINER_LISTS = ("terms",)


def _at(graph, node, severity, message, parameter=None, engine_fails=False):
    """A finding placed at a component (or entity) node of the graph, named as the file
    names it ('<unnamed>' where it gives no name)."""
    data = graph.nodes[node]
    if data["kind"] == "component":
        entity = graph.nodes[data["entity"]].get("label", data["entity"])
        return Finding(severity, message, data.get("file", ""), data.get("line", 0), entity,
                       data["name"] or "<unnamed>", parameter, engine_fails)
    return Finding(severity, message, data.get("file", ""), data.get("line", 0),
                   data.get("label", node), None, parameter, engine_fails)


def _handle_targets(graph, node, parameter=None):
    return [target for _, target, attrs in graph.out_edges(node, data=True)
            if attrs["kind"] == "handle" and (parameter is None or attrs["parameter"] == parameter)]


def _check_required(inspection, graph):
    findings = []
    for node, data in graph.nodes(data=True):
        if data["kind"] != "component":
            continue
        for key, spec in parameter_specs(inspection.context, data["type"]).items():
            if (data["cid"], key) in inspection.failed_parameters:
                continue  # its value was rejected: that finding says more
            if not spec.optional and key not in data["parameters"]:
                findings.append(_at(graph, node, "error",
                                    f"required parameter '{key}' ({spec.type_name}) is not set",
                                    key, engine_fails=True))
    return findings


def _fed(graph, node, direction):
    edges = graph.out_edges(node, data=True) if direction == "out" else \
        graph.in_edges(node, data=True)
    return [edge for edge in edges if edge[2]["kind"] == "connection"]


# Queues whose other end is in another process (UCX): never connected in the graph, fed or
# drained from outside.
_NETWORK_QUEUES = {"nvidia::gxf::UcxTransmitter", "nvidia::gxf::UcxReceiver"}


def _external(graph, node):
    return graph.nodes[node].get("type") in _NETWORK_QUEUES


def _check_unconnected(graph):
    findings = []
    for node, data in graph.nodes(data=True):
        if _external(graph, node):
            continue
        if data.get("role") == "transmitter" and not _fed(graph, node, "out"):
            findings.append(_at(graph, node, "warning", f"transmitter '{node}' is never "
                                "connected: what it publishes goes nowhere"))
        elif data.get("role") == "receiver" and not _fed(graph, node, "in"):
            findings.append(_at(graph, node, "warning",
                                f"receiver '{node}' is never connected: nothing sends to it"))
    return findings


def _terms_in_combiners(graph):
    inside = set()
    for node, data in graph.nodes(data=True):
        if data.get("role") == "combiner":
            inside.update(_handle_targets(graph, node))
    return inside


def _requirements(graph, entity, combined):
    """[(term node, receivers)] the entity needs a message on (any of the receivers) to tick;
    terms under a combiner are left out, since another term may make it ready."""
    needs = []
    for term in components_of(graph, entity, "term"):
        data = graph.nodes[term]
        key = _WAITING_TERMS.get(data["type"])
        if key is None or term in combined:
            continue
        min_size = data["parameters"].get("min_size", data["parameters"].get("min_sum", "1"))
        try:
            if int(yaml.safe_load(min_size) or 0) <= 0:
                continue
        except (TypeError, ValueError):
            pass
        receivers = _handle_targets(graph, term, key)
        if receivers:
            needs.append((term, receivers))
    return needs


def _check_waiting_terms(graph):
    findings = []
    for entity in entities(graph):
        if not components_of(graph, entity, "codelet"):
            continue
        watched = set()
        for term in components_of(graph, entity, "term") + components_of(graph, entity, "combiner"):
            watched.update(_handle_targets(graph, term))
        for receiver in components_of(graph, entity, "receiver"):
            if receiver not in watched and _fed(graph, receiver, "in"):
                findings.append(_at(
                    graph, receiver, "warning",
                    f"no scheduling term waits for messages on receiver '{receiver}' (e.g. a "
                    "MessageAvailableSchedulingTerm): the entity ticks whether or not they came"))
    return findings


def _check_starvation(graph):
    """Entities that can never tick: each needs a message that only entities which can never
    tick could send (a cycle that starts empty, or a receiver nothing is connected to).
    Certain, so an error; GXF runs such graphs (they end in deadlock), so gxe only warns."""
    combined = _terms_in_combiners(graph)
    codelet_entities = [e for e in entities(graph) if components_of(graph, e, "codelet")]
    needs = {entity: _requirements(graph, entity, combined) for entity in codelet_entities}
    can_tick = {entity for entity in codelet_entities if not needs[entity]}
    changed = True
    while changed:
        changed = False
        for entity in codelet_entities:
            if entity in can_tick:
                continue
            if all(any(_external(graph, receiver) or
                       any(graph.nodes[source]["entity"] in can_tick
                           for source, _, _ in _fed(graph, receiver, "in"))
                       for receiver in receivers)
                   for _, receivers in needs[entity]):
                can_tick.add(entity)
                changed = True
    starved_feeds = nx.DiGraph()
    for entity in codelet_entities:
        if entity not in can_tick:
            for _, receivers in needs[entity]:
                for receiver in receivers:
                    for source, _, _ in _fed(graph, receiver, "in"):
                        starved_feeds.add_edge(graph.nodes[source]["entity"], entity)
    findings = []
    for entity in codelet_entities:
        if entity in can_tick:
            continue
        for term, receivers in needs[entity]:
            sources = [source for receiver in receivers
                       for source, _, _ in _fed(graph, receiver, "in")]
            if any(graph.nodes[source]["entity"] in can_tick for source in sources):
                continue
            names = ", ".join(f"'{receiver}'" for receiver in receivers)
            if not sources:
                why = "nothing is connected to it"
            else:
                feeders = sorted({graph.nodes[source]["entity"] for source in sources})
                why = ("it is fed only by entities that can never tick either: " +
                       ", ".join(f"'{name}'" for name in feeders))
                if any(nx.has_path(starved_feeds, entity, feeder) for feeder in feeders):
                    why += " (a cycle that starts with no message in it)"
            findings.append(_at(graph, term, "error",
                                f"entity '{entity}' can never tick: its "
                                f"{graph.nodes[term]['type'].rsplit('::', 1)[-1]} waits for a "
                                f"message on {names}, and {why}", engine_fails=False))
            break
    return findings, can_tick


def _check_back_pressure_cycles(graph, can_tick):
    """Cycles whose every queue applies back-pressure may deadlock once they fill up: every
    entity then waits for room downstream. Whether they fill depends on the data: a warning."""
    pressured = nx.DiGraph()
    for source, target, attrs in connections(graph):
        source_entity = graph.nodes[source]["entity"]
        target_entity = graph.nodes[target]["entity"]
        if source_entity not in can_tick or target_entity not in can_tick:
            continue
        terms = components_of(graph, source_entity, "term")
        if any(graph.nodes[t]["type"] == _BACK_PRESSURE and source in _handle_targets(graph, t)
               for t in terms):
            capacity = attrs.get("capacity") or 1
            previous = pressured.get_edge_data(source_entity, target_entity, {})
            # Parallel queues between two entities add their room; the smallest one is kept.
            pressured.add_edge(source_entity, target_entity,
                               capacity=capacity + previous.get("capacity", 0),
                               smallest=min(capacity, previous.get("smallest", capacity)))
    findings = []
    for members in nx.strongly_connected_components(pressured):
        if len(members) == 1 and not pressured.has_edge(*(2 * tuple(members))):
            continue
        cycle = pressured.subgraph(members)
        room = sum(data["capacity"] for _, _, data in cycle.edges(data=True))
        smallest = min(data["smallest"] for _, _, data in cycle.edges(data=True))
        first = sorted(members)[0]
        loop = [edge[0] for edge in nx.find_cycle(cycle, first)]
        order = " -> ".join(loop + [loop[0]])
        findings.append(_at(graph, first, "warning",
                            f"entities {order} form a cycle whose queues all apply back-pressure "
                            f"(DownstreamReceptiveSchedulingTerm; smallest capacity {smallest}): "
                            f"once the cycle holds {room} messages every entity on it waits for "
                            "room downstream and the graph deadlocks"))
    return findings


def _check_codelet_files(graph):
    """A PyCodeletV0 whose codelet_file does not exist fails when the graph starts."""
    findings = []
    for node, data in graph.nodes(data=True):
        if data.get("type") != _PY_CODELET or "codelet_file" not in data["parameters"]:
            continue
        name = yaml.safe_load(data["parameters"]["codelet_file"])
        if name in (None, "", "None"):
            continue  # the class comes from __main__
        base = os.path.dirname(os.path.abspath(data["file"])) if data.get("file") else ""
        # FilePath's rule: as written from the working directory, else beside the graph file.
        path = str(name) if os.path.isfile(str(name)) or not base else os.path.join(base, str(name))
        if not os.path.isfile(path):
            findings.append(_at(graph, node, "error", f"codelet_file '{name}' does not exist "
                                f"(looked for {path})", "codelet_file", engine_fails=True))
    return findings


def check_graph(inspection, graph):
    """Every finding for a loaded graph: load problems first, then whole-graph checks."""
    findings = list(inspection.findings)
    findings += _check_required(inspection, graph)
    findings += _check_codelet_files(graph)
    findings += _check_unconnected(graph)
    findings += _check_waiting_terms(graph)
    starved, can_tick = _check_starvation(graph)
    findings += starved
    findings += _check_back_pressure_cycles(graph, can_tick)
    return findings


def as_engine_sees(findings):
    """Findings as gxe.py reports them: errors only where the engine rejects the graph too."""
    return [finding if finding.engine_fails or finding.severity != "error" else
            Finding("warning", finding.message, finding.filename, finding.line, finding.entity,
                    finding.component, finding.parameter) for finding in findings]


def configure(parser):
    """Arguments of `gxf check`."""
    from gxf.cli import add_graph_arguments

    add_graph_arguments(parser)
    parser.add_argument("--quiet", "-q", action="store_true", help="print errors only")


def main(args):
    """`gxf check`: print findings; 1 when any is an error, 0 with only warnings."""
    from gxf.tools.inspection import open_graph

    with open_graph("gxf check", args) as opened:
        if opened is None:
            return 1
        findings = check_graph(*opened)
    errors = [f for f in findings if f.severity == "error"]
    for finding in findings:
        if finding.severity == "error" or not args.quiet:
            print(finding.format(), file=sys.stdout)
    warnings = len(findings) - len(errors)
    print(f"gxf check: {len(errors)} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def gxe_check(apps, manifests, overrides=(), root="", graph_directory="", severity=3,
              stream=None):
    """gxe.py's check before activation: print the findings as the engine sees them (errors
    only where activation fails too, so GXF's graphs keep their outcome); returns them."""
    from gxf.core.errors import error_report
    from gxf.tools.inspection import inspect_graph

    stream = stream or sys.stderr
    try:
        with inspect_graph(apps, manifests, overrides, root, graph_directory,
                           severity_after=severity) as inspection:
            findings = as_engine_sees(check_graph(inspection, graph_from_context(
                inspection.context, inspection)))
    except Exception as error:  # advisory: a checker fault must not stop a graph GXF would run
        print(f"gxe.py: note: the graph check stopped early "
              f"({type(error).__name__}: {error_report(error)}); "
              "--no-check skips it", file=stream, flush=True)
        return []
    for finding in findings:
        print(f"gxe.py: {finding.format()}", file=stream, flush=True)
    return findings
