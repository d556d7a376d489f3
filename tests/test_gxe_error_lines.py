# SPDX-License-Identifier: Apache-2.0
"""gxe.py names the GXF call that failed, as the C++ gxe does."""

import os

GRAPHS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "extensions", "test", "graphs")
PING = os.path.join(GRAPHS, "ping_counted.yaml")


def test_gxe_names_a_failed_load(run_graph, tmp_path):
    """An unknown component type fails in LoadApplication."""
    graph = tmp_path / "unknown.yaml"
    graph.write_text("name: a\ncomponents:\n- type: nvidia::gxf::NoSuchThing\n")
    run = run_graph([str(graph)])
    assert run.returncode == 1
    assert "LoadApplication Error: GXF_FACTORY_UNKNOWN_CLASS_NAME" in run.output


def test_gxe_names_a_failed_activation(run_graph, tmp_path):
    """A mandatory parameter left unset fails in GxfGraphActivate."""
    graph = tmp_path / "unset.yaml"
    graph.write_text("name: a\ncomponents:\n- type: nvidia::gxf::PingTx\n")
    run = run_graph([str(graph)])
    assert run.returncode == 1
    assert "GxfGraphActivate Error: GXF_PARAMETER_MANDATORY_NOT_SET" in run.output


def test_gxe_prints_no_error_line_on_success(run_graph):
    """A good run prints no '... Error:' line."""
    run = run_graph([PING])
    assert run.returncode == 0, run.output
    assert " Error: GXF_" not in run.output
