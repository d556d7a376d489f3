# SPDX-License-Identifier: Apache-2.0
"""Pictures of a graph: DOT (Graphviz), SVG/PNG (rendered by Graphviz's `dot`) and Mermaid,
from the networkx structure of gxf.tools.graph_model.

Entities are boxes listing their codelets and scheduling terms, with receivers as ports on
the left and transmitters as ports on the right; connections are arrows labelled with the
receiver's capacity and policy; the entities a Subgraph created are drawn inside a cluster.
"""

import hashlib
import html
import os
import shutil
import subprocess

import yaml

from gxf.tools.graph_model import clusters, components_of, connections, entities

__all__ = ["to_dot", "to_mermaid", "picture", "render", "FORMATS", "GraphvizMissing"]

FORMATS = ("dot", "svg", "png", "mmd")
_HEADER_COLOR = {"codelet": "#cfe2f3", "system": "#eeeeee"}
# Roles listed in small print under an entity's codelets.
_DETAIL_ROLES = ("term", "combiner", "scheduler", "clock", "allocator", "subgraph", "other")


class GraphvizMissing(Exception):
    """Graphviz's `dot` program is not installed."""


def _short(type_name):
    return type_name.rsplit("::", 1)[-1]


def _component_label(graph, node):
    """'name: Type' ('Type' alone for an unnamed component)."""
    data = graph.nodes[node]
    label = _short(data["type"])
    codelet_name = data["parameters"].get("codelet_name")
    if codelet_name:  # PyCodeletV0: the Python class says more than the bridge type
        label = f"{yaml.safe_load(codelet_name)} (Python)"
    return f"{data['name']}: {label}" if data["name"] else label


def _drawn_entities(graph):
    """Entities worth a box: not those holding only Connections (they are the arrows), only
    a Subgraph (it is the cluster) or nothing (a subgraph's prerequisites)."""
    drawn = []
    for entity in entities(graph):
        roles = {graph.nodes[c]["role"] for c in components_of(graph, entity)}
        if roles - {"connection", "subgraph"}:
            drawn.append(entity)
    return drawn


def _port(node):
    """A port id for a queue, stable from run to run (committed pictures do not churn)."""
    return "p" + hashlib.sha1(node.encode()).hexdigest()[:10]


def _entity_table(graph, entity):
    """HTML-like Graphviz label: name, codelets, terms, ports."""
    def row(text, port=None, align="LEFT", color=None, small=False):
        attrs = f' ALIGN="{align}"' + (f' PORT="{port}"' if port else "") + \
            (f' BGCOLOR="{color}"' if color else "")
        body = html.escape(text)
        if small:
            body = f'<FONT POINT-SIZE="9">{body}</FONT>'
        return f"<TR><TD{attrs}>{body}</TD></TR>"

    codelets = components_of(graph, entity, "codelet")
    rows = [row(entity, align="CENTER",
                color=_HEADER_COLOR["codelet" if codelets else "system"]).replace(
                    html.escape(entity), f"<B>{html.escape(entity)}</B>", 1)]
    for node in components_of(graph, entity, "receiver"):
        rows.append(row(f"\u25b6 {graph.nodes[node]['name']}", port=_port(node)))
    rows += [row(_component_label(graph, node)) for node in codelets]
    for node in components_of(graph, entity):
        if graph.nodes[node]["role"] in _DETAIL_ROLES:
            rows.append(row(_component_label(graph, node), small=True))
    for node in components_of(graph, entity, "transmitter"):
        rows.append(row(f"{graph.nodes[node]['name']} \u25b6", port=_port(node), align="RIGHT"))
    return ('<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">'
            + "".join(rows) + "</TABLE>>")


def _layout(graph):
    """Drawing order: ("open", subgraph entity, indent), its members ("entity", name, indent)
    and nested clusters, ("close", ...); then the entities outside any cluster."""
    drawn = _drawn_entities(graph)
    owned = clusters(graph)
    placed = set()

    def cluster(owner, indent):
        yield "open", owner, indent
        for member in owned.get(owner, []):
            if member in owned:
                yield from cluster(member, indent + "  ")
            if member in drawn:
                placed.add(member)
                yield "entity", member, indent + "  "
        yield "close", owner, indent

    for owner in [owner for owner in owned if graph.nodes[owner]["cluster"] is None]:
        yield from cluster(owner, "  ")
    for entity in drawn:
        if entity not in placed:
            yield "entity", entity, "  "


def _edge_label(attrs):
    parts = []
    if attrs.get("capacity") is not None:
        parts.append(f"capacity {attrs['capacity']}")
    if attrs.get("policy") is not None:
        parts.append(str(attrs["policy"]))
    return ", ".join(parts)


def _is_topic(attrs):
    """Whether a connection is routed by a Topic (drawn dashed)."""
    return str(attrs.get("via", "")).startswith("topic ")


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(graph, title=None):
    """Graphviz DOT text of the graph."""
    lines = ["digraph gxf {", "  rankdir=LR;", '  node [shape=plain, fontname="Helvetica"];',
             '  edge [fontname="Helvetica", fontsize=10];']
    if title:
        lines.append(f"  label={_quote(title)}; labelloc=t;")
    for event, name, indent in _layout(graph):
        if event == "entity":
            lines.append(f"{indent}{_quote(name)} [label={_entity_table(graph, name)}];")
        elif event == "open":
            lines.append(f"{indent}subgraph {_quote('cluster_' + name)} {{")
            lines.append(f'{indent}  label={_quote("subgraph " + name)}; style="rounded,dashed";')
        else:
            lines.append(f"{indent}}}")
    for source, target, attrs in connections(graph):
        source_entity = graph.nodes[source]["entity"]
        target_entity = graph.nodes[target]["entity"]
        style = ', style=dashed' if _is_topic(attrs) else ""
        lines.append(f"  {_quote(source_entity)}:{_port(source)}:e -> "
                     f"{_quote(target_entity)}:{_port(target)}:w "
                     f"[label={_quote(_edge_label(attrs))}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_id(name):
    return "n_" + "".join(c if c.isalnum() else "_" for c in name)


def _mermaid_text(text):
    return text.replace('"', "#quot;")


def to_mermaid(graph):
    """Mermaid flowchart text of the graph (ports appear in the arrow labels)."""
    lines = ["flowchart LR"]
    for event, name, indent in _layout(graph):
        if event == "entity":
            codelets = [_component_label(graph, node)
                        for node in components_of(graph, name, "codelet")]
            label = "<b>" + name + "</b>" + "".join("<br/>" + text for text in codelets)
            lines.append(f'{indent}{_mermaid_id(name)}["{_mermaid_text(label)}"]')
        elif event == "open":
            lines.append(f'{indent}subgraph {_mermaid_id("cluster " + name)}["subgraph {name}"]')
        else:
            lines.append(f"{indent}end")
    for source, target, attrs in connections(graph):
        label = f"{graph.nodes[source]['name']} → {graph.nodes[target]['name']}"
        settings = _edge_label(attrs)
        if settings:
            label += f" ({settings})"
        arrow = "-.->" if _is_topic(attrs) else "-->"
        lines.append(f'  {_mermaid_id(graph.nodes[source]["entity"])} {arrow}|"'
                     f'{_mermaid_text(label)}"| {_mermaid_id(graph.nodes[target]["entity"])}')
    return "\n".join(lines) + "\n"


def picture(graph):
    """The picture's contents as JSON-ready data, for pages that lay it out themselves (the
    dashboard): the same boxes, ports, labelled arrows and clusters as to_dot().

    {"clusters": [{"id", "label", "parent"}] (outer before inner),
     "entities": [{"id", "eid", "cluster", "codelets": [{"cid", "label"}], "details": [text],
                   "receivers": [{"id", "cid", "name"}], "transmitters": [...]}],
     "edges": [{"source", "target", "source_cid", "target_cid", "source_entity",
                "target_entity", "label", "topic"}]}
    Component ids are the model's node names ("entity/component")."""
    def port(node):
        data = graph.nodes[node]
        return {"id": node, "cid": data["cid"], "name": data["name"] or _short(data["type"])}

    result = {"clusters": [], "entities": [], "edges": []}
    for event, name, _ in _layout(graph):
        if event == "open":
            result["clusters"].append({"id": name, "label": f"subgraph {name}",
                                       "parent": graph.nodes[name]["cluster"]})
        elif event == "entity":
            details = [_component_label(graph, node) for node in components_of(graph, name)
                       if graph.nodes[node]["role"] in _DETAIL_ROLES]
            result["entities"].append({
                "id": name, "eid": graph.nodes[name]["eid"],
                "cluster": graph.nodes[name]["cluster"],
                "codelets": [{"cid": graph.nodes[node]["cid"],
                              "label": _component_label(graph, node)}
                             for node in components_of(graph, name, "codelet")],
                "details": details,
                "receivers": [port(node) for node in components_of(graph, name, "receiver")],
                "transmitters": [port(node)
                                 for node in components_of(graph, name, "transmitter")]})
    for source, target, attrs in connections(graph):
        result["edges"].append({
            "source": source, "target": target,
            "source_cid": graph.nodes[source]["cid"], "target_cid": graph.nodes[target]["cid"],
            "source_entity": graph.nodes[source]["entity"],
            "target_entity": graph.nodes[target]["entity"],
            "label": _edge_label(attrs), "topic": _is_topic(attrs)})
    return result


def format_of(path, default="dot"):
    """The output format named by a file's extension."""
    extension = os.path.splitext(path)[1].lstrip(".").lower()
    return {"gv": "dot", "mermaid": "mmd"}.get(extension, extension) or default


def render(graph, fmt, title=None):
    """The picture as bytes in `fmt` (dot, mmd, svg, png); raises GraphvizMissing for svg/png
    without Graphviz."""
    if fmt == "mmd":
        return to_mermaid(graph).encode()
    dot_text = to_dot(graph, title)
    if fmt == "dot":
        return dot_text.encode()
    dot = shutil.which("dot")
    if dot is None:
        raise GraphvizMissing(f"Graphviz's 'dot' is not installed, so no {fmt} can be rendered")
    result = subprocess.run([dot, f"-T{fmt}"], input=dot_text.encode(), capture_output=True,
                            check=False)
    if result.returncode != 0:
        raise RuntimeError(f"dot failed: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def configure(parser):
    """Arguments of `gxf draw`."""
    from gxf.cli import add_graph_arguments

    add_graph_arguments(parser, manifest_required=False)
    parser.add_argument("-o", "--output", default="-",
                        help="output file; its extension picks the format (.svg .png .dot .mmd); "
                             "'-' (default) writes DOT text to stdout")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="format, when the output name does not say")
    parser.add_argument("--title", default=None, help="caption drawn above the graph")


def main(args):
    """`gxf draw`: write the picture; 0 on success, 1 on a bad graph or file."""
    import sys

    from gxf.tools.inspection import open_graph

    fmt = args.format or (format_of(args.output) if args.output != "-" else "dot")
    if fmt not in FORMATS:
        print(f"gxf draw: error: unknown output format '{fmt}' (use {', '.join(FORMATS)})",
              file=sys.stderr)
        return 1
    with open_graph("gxf draw", args) as opened:
        if opened is None:
            return 1
        inspection, graph = opened
        errors = [finding for finding in inspection.findings if finding.severity == "error"]
        for finding in errors:  # drawn anyway: a picture helps find the mistake
            print(f"gxf draw: {finding.format('note')}", file=sys.stderr)
        output = args.output
        try:
            data = render(graph, fmt, args.title)
        except GraphvizMissing as missing:
            output = os.path.splitext(output)[0] + ".dot" if output != "-" else "-"
            print(f"gxf draw: {missing}; writing DOT text to {output} instead "
                  "(install graphviz to render it)", file=sys.stderr)
            data = render(graph, "dot", args.title)
        if output == "-":
            sys.stdout.write(data.decode())
            return 0
        try:
            with open(output, "wb") as stream:
                stream.write(data)
        except OSError as error:
            print(f"gxf draw: error: cannot write '{output}': {error.strerror}", file=sys.stderr)
            return 1
    return 0
