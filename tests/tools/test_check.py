# SPDX-License-Identifier: Apache-2.0
"""gxf check: findings with file:line, entity, component, parameter and did-you-mean."""

import os
import pathlib
import subprocess
import sys

from gxf.tools.check import check_graph
from gxf.tools.graph_model import graph_from_context
from gxf.tools.inspection import inspect_graph
from gxf_test_support import DATA, MANIFEST, REPO

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def gxf(*args):
    """Run the `gxf` command (as its console script would) and return the completed process."""
    return subprocess.run([sys.executable, "-m", "gxf.cli", *args], capture_output=True,
                          text=True, timeout=60, cwd=REPO)


def findings_of(name, manifest=MANIFEST):
    with inspect_graph([os.path.join(HERE, name)], [manifest]) as inspection:
        return check_graph(inspection, graph_from_context(inspection.context, inspection))


def only(findings, text):
    matching = [finding for finding in findings if text in finding.message]
    assert len(matching) == 1, (text, findings)
    return matching[0]


def test_unknown_type_names_its_line_and_suggests_the_registered_one():
    finding = only(findings_of("check_mistakes.yaml"), "unknown component type")
    assert finding.severity == "error"
    assert (finding.line, finding.entity, finding.component) == (6, "tx", "ping")
    assert "'nvidia::gxf::PingTxx'" in finding.message
    assert "did you mean 'nvidia::gxf::PingTx'" in finding.message


def test_unknown_parameter_suggests_the_declared_one():
    finding = only(findings_of("check_mistakes.yaml"), "unknown parameter")
    assert (finding.line, finding.component, finding.parameter) == (13, "count", "cout")
    assert "did you mean 'count'" in finding.message
    assert not finding.engine_fails  # GXF only warns, so gxe.py does too


def test_wrong_value_type_names_the_parameter():
    finding = only(findings_of("check_mistakes.yaml"), "many")
    assert (finding.line, finding.entity, finding.component, finding.parameter) == \
        (20, "rx", "signal", "capacity")
    assert finding.severity == "error" and finding.engine_fails


def test_handle_to_a_missing_component_suggests_the_close_name():
    finding = only(findings_of("check_mistakes.yaml"), "signl")
    assert (finding.line, finding.entity, finding.parameter) == (23, "rx", "receiver")
    assert "did you mean 'signal'" in finding.message


def test_missing_required_parameter_is_an_error():
    finding = only(findings_of("check_mistakes.yaml"), "required parameter 'signal'")
    assert (finding.line, finding.entity, finding.component) == (24, "rx", "ping")
    assert finding.engine_fails


def test_connection_between_two_transmitters_says_what_the_target_must_be():
    finding = only(findings_of("check_mistakes.yaml"), "Connection's target must be a receiver")
    assert finding.parameter == "target" and finding.line == 31


def test_wiring_problems_are_warnings():
    findings = findings_of("check_wiring.yaml")
    assert all(finding.severity == "warning" for finding in findings), findings
    assert only(findings, "'tx/spare' is never connected").line == 7
    assert only(findings, "'rx/unused' is never connected").line == 23
    assert only(findings, "no scheduling term waits for messages on receiver 'rx/signal'")


def test_cycle_that_starts_empty_is_a_certain_deadlock():
    findings = findings_of("check_starved_cycle.yaml")
    errors = {finding.entity: finding for finding in findings if finding.severity == "error"}
    assert set(errors) == {"a", "b", "c"}, findings
    assert "can never tick" in errors["a"].message and "'b'" in errors["a"].message
    assert "'a/in'" in errors["a"].message and "a cycle that starts with no message" in \
        errors["a"].message
    assert "fed only by entities that can never tick either: 'b'" in errors["c"].message
    assert "cycle" not in errors["c"].message
    assert not errors["a"].engine_fails


def test_back_pressure_cycle_is_a_warning_with_its_capacity():
    findings = findings_of("check_back_pressure_cycle.yaml")
    assert not [finding for finding in findings if finding.severity == "error"], findings
    finding = only(findings, "form a cycle")
    assert "a -> b -> a" in finding.message and "smallest capacity 1" in finding.message
    assert "once the cycle holds 2 messages" in finding.message


def test_the_example_graphs_are_clean():
    for name in ("ping.yaml", "python_ping.yaml", "native_to_python_ping.yaml",
                 "python_to_native_ping.yaml"):
        with inspect_graph([os.path.join(REPO, "graphs", name)], [MANIFEST]) as inspection:
            findings = check_graph(inspection, graph_from_context(inspection.context, inspection))
        assert findings == [], (name, findings)


def test_subgraph_components_are_checked_in_their_own_file():
    with inspect_graph([os.path.join(DATA, "subgraph", "app.yaml")], [MANIFEST]) as inspection:
        graph = graph_from_context(inspection.context, inspection)
        findings = check_graph(inspection, graph)
    assert not [finding for finding in findings if finding.severity == "error"], findings
    files = {data.get("file") for _, data in graph.nodes(data=True) if data.get("file")}
    assert any(path.endswith("forward_block.yaml") for path in files)


def test_command_exits_one_on_errors_and_prints_file_line():
    result = gxf("check", os.path.join(HERE, "check_mistakes.yaml"), "--manifest", MANIFEST)
    assert result.returncode == 1
    assert "check_mistakes.yaml:6: entity 'tx', component 'ping': error: unknown component " \
        "type 'nvidia::gxf::PingTxx'" in result.stdout
    assert "Traceback" not in result.stderr


def test_command_exits_zero_with_only_warnings():
    result = gxf("check", os.path.join(HERE, "check_wiring.yaml"), "--manifest", MANIFEST)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning: transmitter 'tx/spare' is never connected" in result.stdout
    assert "0 error(s), 3 warning(s)" in result.stderr


def test_a_parameter_override_is_checked_with_the_graph():
    result = gxf("check", os.path.join(REPO, "graphs", "ping.yaml"), "--manifest", MANIFEST,
                 "--param", "tx/ping/signal=signal")
    assert result.returncode == 0, result.stdout + result.stderr


CONNECTIONS = """
components:
- type: nvidia::gxf::Connection
  parameters: {source: tx/signal, target: rxx/signal}
"""


def test_several_files_are_checked_together_and_findings_name_their_file(tmp_path):
    (tmp_path / "connect.yaml").write_text(CONNECTIONS)
    ping_entities = tmp_path / "entities.yaml"
    # ping.yaml without its Connection, so the second file's typo is the only wiring.
    text = pathlib.Path(REPO, "graphs", "ping.yaml").read_text()
    wiring = "---\ncomponents:\n- type: nvidia::gxf::Connection\n  parameters:\n" \
        "    source: tx/signal\n    target: rx/signal\n"
    assert wiring in text
    ping_entities.write_text(text.replace(wiring, ""))
    apps = f"{ping_entities},{tmp_path / 'connect.yaml'}"  # comma-separated, as gxe.py takes
    result = gxf("check", apps, "--manifest", MANIFEST)
    assert result.returncode == 1, result.stdout + result.stderr
    assert (f"{tmp_path / 'connect.yaml'}:4: entity '<unnamed>', component '<unnamed>', "
            "parameter 'target': error:") in result.stdout
    assert "no entity named 'rxx'" in result.stdout and "did you mean 'rx'" in result.stdout


def test_handle_to_a_missing_entity_suggests_the_close_one(tmp_path):
    graph = tmp_path / "graph.yaml"
    graph.write_text(pathlib.Path(REPO, "graphs", "ping.yaml").read_text().replace(
        "target: rx/signal", "target: RX/signal"))
    with inspect_graph([str(graph)], [MANIFEST]) as inspection:
        findings = check_graph(inspection, graph_from_context(inspection.context, inspection))
    finding = only(findings, "no entity named 'RX'")
    assert finding.severity == "error" and finding.parameter == "target"
    assert "did you mean 'rx'" in finding.message
    assert finding.line > 0 and finding.filename == str(graph)


def test_missing_python_codelet_file_is_an_error(tmp_path):
    graph = tmp_path / "graph.yaml"
    graph.write_text("""
name: py
components:
- name: codelet
  type: nvidia::gxf::PyCodeletV0
  parameters: {codelet_name: Nowhere, codelet_file: nowhere.py}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 1}
""")
    with inspect_graph([str(graph)], [MANIFEST]) as inspection:
        findings = check_graph(inspection, graph_from_context(inspection.context, inspection))
    finding = only(findings, "codelet_file 'nowhere.py' does not exist")
    assert (finding.line, finding.entity, finding.parameter) == (4, "py", "codelet_file")
    assert str(tmp_path / "nowhere.py") in finding.message


def test_manifest_may_come_before_the_graph_files():
    result = gxf("check", "--manifest", MANIFEST, os.path.join(REPO, "graphs", "ping.yaml"))
    assert result.returncode == 0, result.stdout + result.stderr
