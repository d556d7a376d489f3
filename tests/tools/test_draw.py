# SPDX-License-Identifier: Apache-2.0
"""gxf draw and the graph structure it draws (gxf.tools.graph_model)."""

import os
import shutil
import subprocess
import sys
import xml.dom.minidom

import pytest

from gxf.tools.draw import picture, to_dot, to_mermaid
from gxf.tools.graph_model import clusters, connections, graph_from_context, graph_from_files
from gxf.tools.inspection import inspect_graph
from gxf_test_support import DATA, MANIFEST, REPO

PING = os.path.join(REPO, "graphs", "ping.yaml")
SUBGRAPH_APP = os.path.join(DATA, "subgraph", "app.yaml")
needs_graphviz = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz not installed")


def gxf(*args, env=None):
    return subprocess.run([sys.executable, "-m", "gxf.cli", *args], capture_output=True,
                          timeout=60, cwd=REPO, env=env)


def model(path):
    with inspect_graph([path], [MANIFEST]) as inspection:
        return graph_from_context(inspection.context, inspection)


def test_model_holds_entities_components_and_connections():
    graph = model(PING)
    assert graph.nodes["tx"]["kind"] == "entity"
    assert graph.nodes["tx/ping"]["role"] == "codelet"
    assert graph.nodes["tx/ping"]["type"] == "nvidia::gxf::PingTx"
    assert graph.nodes["rx/signal"]["role"] == "receiver"
    assert graph.nodes["tx/ping"]["line"] == 12
    assert graph.nodes["tx/ping"]["file"] == PING
    [(source, target, attrs)] = connections(graph)
    assert (source, target) == ("tx/signal", "rx/signal")
    assert (attrs["capacity"], attrs["policy"]) == (1, "fault")  # the receiver's defaults


def test_model_from_files_needs_no_context():
    graph = graph_from_files([PING])  # the built-in extensions, as gxf draw without a manifest
    assert graph.nodes["rx/ping"]["type"] == "nvidia::gxf::PingRx"
    assert graph.graph["findings"] == []
    assert [(s, t) for s, t, _ in connections(graph)] == [("tx/signal", "rx/signal")]


def test_model_puts_subgraph_entities_in_a_cluster():
    graph = model(SUBGRAPH_APP)
    owned = clusters(graph)
    assert set(owned) == {"pipeline", "pipeline.first", "pipeline.second"}
    assert "pipeline.first" in owned["pipeline"]  # nested subgraphs nest their clusters
    assert "pipeline.first.stage" in owned["pipeline.first"]
    # Connections to a subgraph's interface end at the component it exports.
    ends = {(source, target) for source, target, _ in connections(graph)}
    assert ("tx/signal", "pipeline.first.stage/in") in ends
    assert ("pipeline.first.stage/out", "pipeline.second.stage/in") in ends


def test_dot_draws_ports_arrows_and_labels():
    text = to_dot(model(PING))
    assert text.startswith("digraph gxf {")
    assert "<B>tx</B>" in text and "<B>rx</B>" in text
    assert "ping: PingTx" in text and "ping: PingRx" in text
    assert '"tx":p' in text and ':e -> "rx":p' in text
    assert 'label="capacity 1, fault"' in text


def test_dot_draws_subgraphs_as_clusters():
    text = to_dot(model(SUBGRAPH_APP))
    assert 'subgraph "cluster_' in text


def test_mermaid_names_ports_on_the_arrows():
    text = to_mermaid(model(PING))
    assert text.startswith("flowchart LR")
    assert 'n_tx -->|"signal → signal (capacity 1, fault)"| n_rx' in text


def test_picture_data_has_the_boxes_ports_labels_and_clusters_of_the_dot_picture():
    graph = model(SUBGRAPH_APP)
    data = picture(graph)
    dot = to_dot(graph)
    # Clusters, outer before inner, each naming its parent; the same ones DOT draws.
    assert [(c["id"], c["parent"]) for c in data["clusters"]] == [
        ("pipeline", None), ("pipeline.first", "pipeline"), ("pipeline.second", "pipeline")]
    for cluster in data["clusters"]:
        assert f'label="{cluster["label"]}"' in dot
    by_id = {entity["id"]: entity for entity in data["entities"]}
    assert by_id["pipeline.first.stage"]["cluster"] == "pipeline.first"
    assert by_id["tx"]["cluster"] is None
    # Every box DOT draws, with the same codelet labels and ports.
    assert dot.count("<B>") == len(by_id) and all(f"<B>{name}</B>" in dot for name in by_id)
    stage = by_id["pipeline.first.stage"]
    assert [port["name"] for port in stage["receivers"]] == ["in"]
    assert [port["name"] for port in stage["transmitters"]] == ["out"]
    for codelet in stage["codelets"]:
        assert codelet["label"] in dot and isinstance(codelet["cid"], int)
    # Arrows from transmitter port to receiver port, labelled as DOT labels them.
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    first = edges[("tx/signal", "pipeline.first.stage/in")]
    assert (first["source_entity"], first["target_entity"]) == ("tx", "pipeline.first.stage")
    assert f'label="{first["label"]}"' in dot and first["label"].startswith("capacity ")
    assert first["topic"] is False


def test_python_codelets_are_labelled_with_their_class():
    text = to_dot(model(os.path.join(REPO, "graphs", "python_ping.yaml")))
    assert "PingTx (Python)" in text


@needs_graphviz
def test_svg_output_is_an_svg_document(tmp_path):
    output = tmp_path / "ping.svg"
    result = gxf("draw", PING, "--manifest", MANIFEST, "-o", str(output))
    assert result.returncode == 0, result.stderr
    document = xml.dom.minidom.parse(str(output))
    assert document.documentElement.tagName == "svg"
    assert "PingTx" in output.read_text()


@needs_graphviz
def test_png_output_is_a_png(tmp_path):
    output = tmp_path / "ping.png"
    result = gxf("draw", PING, "-o", str(output))  # no manifest: the built-in extensions
    assert result.returncode == 0, result.stderr
    assert output.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_graphviz_svg_falls_back_to_dot_text(tmp_path):
    output = tmp_path / "ping.svg"
    result = gxf("draw", PING, "--manifest", MANIFEST, "-o", str(output),
                 env=dict(os.environ, PATH=str(tmp_path)))  # no `dot` on this PATH
    assert result.returncode == 0, result.stderr
    assert not output.exists()
    assert (tmp_path / "ping.dot").read_text().startswith("digraph gxf {")
    assert b"install graphviz" in result.stderr


def test_dot_to_stdout_and_mermaid_file(tmp_path):
    result = gxf("draw", PING, "--manifest", MANIFEST)
    assert result.returncode == 0 and result.stdout.startswith(b"digraph gxf {")
    output = tmp_path / "ping.mmd"
    assert gxf("draw", PING, "--manifest", MANIFEST, "-o", str(output)).returncode == 0
    assert output.read_text().startswith("flowchart LR")


def test_a_graph_with_errors_is_still_drawn_with_notes(tmp_path):
    output = tmp_path / "mistakes.dot"
    path = os.path.join(os.path.dirname(__file__), "data", "check_mistakes.yaml")
    result = gxf("draw", path, "--manifest", MANIFEST, "-o", str(output))
    assert result.returncode == 0
    assert b"note: unknown component type 'nvidia::gxf::PingTxx'" in result.stderr
    assert "<B>rx</B>" in output.read_text()


def test_topics_connect_by_name_and_are_drawn_dashed():
    topic = os.path.join(REPO, "tests", "std", "graphs", "topic.yaml")
    graph = model(topic)
    ends = sorted((s, t, a["via"]) for s, t, a in connections(graph))
    assert [(s, t) for s, t, _ in ends] == [("transmitter/signal", "receiver_a/signal"),
                                             ("transmitter/signal", "receiver_b/signal")]
    assert all(via.startswith("topic ") for _, _, via in ends)
    assert to_dot(graph).count("style=dashed") == 2
