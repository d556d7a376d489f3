# SPDX-License-Identifier: Apache-2.0
"""Subgraphs: prefixed entity names, interfaces, prerequisites, nested files, overrides."""

import json
import os

import pytest

from gxf_test_support import DATA, REPO
from gxf import core
from gxf.core.errors import GraphLoadError, error_report

APP = os.path.join(DATA, "subgraph", "app.yaml")


@pytest.fixture
def loaded(context, monkeypatch):
    """The subgraph app loaded from the repository root (locations are root-relative)."""
    monkeypatch.chdir(REPO)
    core.graph_load_file(context, APP)
    return context


def test_subgraph_entities_are_prefixed_with_parent_names(loaded):
    names = {core.entity_get_name(loaded, eid) for eid in core.entity_find_all(loaded)}
    assert {"pipeline.first.stage", "pipeline.second.stage", "pipeline.prerequisites",
            "pipeline.first.prerequisites"} <= names


def test_interface_override_by_name_reaches_the_inner_component(loaded):
    eid = core.entity_find(loaded, "pipeline")
    (cid,) = core.component_find(loaded, eid, component_name="output")
    info = core.component_info(loaded, cid)
    assert (info["entity"], info["name"]) == ("pipeline.second.stage", "out")
    assert core.parameter_get(loaded, cid, "capacity") == 2


def test_prerequisite_handle_resolves_to_the_parents_component(loaded):
    eid = core.entity_find(loaded, "pipeline.first.stamper")
    (cid,) = core.component_find(loaded, eid, "nvidia::gxf::PingTx")
    assert core.parameter_get(loaded, cid, "clock") == "scheduler/clock"


def test_messages_flow_through_nested_subgraphs(loaded):
    core.graph_activate(loaded)
    core.graph_run(loaded)
    core.graph_deactivate(loaded)
    with open("/tmp/gxf_subgraph_test_stats.json") as stream:
        counts = {e["name"]: e["count"] for e in json.load(stream)["entities"]}
    assert counts == {"tx": 7, "pipeline.first.stage": 7, "pipeline.second.stage": 7, "rx": 7}


def test_subgraph_without_location_fails_activation(context, write_graph):
    graph = write_graph("""
    name: holder
    components:
    - type: nvidia::gxf::Subgraph
    """)
    core.graph_load_file(context, graph)
    with pytest.raises(core.ActivationError, match=r"GXF_PARAMETER_MANDATORY_NOT_SET\n.*location"):
        core.graph_activate(context)


def test_interface_to_missing_component_is_a_load_error(context, write_graph, tmp_path):
    (tmp_path / "child.yaml").write_text("interfaces:\n- {name: input, target: nowhere/in}\n")
    graph = write_graph(f"""
    name: holder
    components:
    - type: nvidia::gxf::Subgraph
      parameters: {{location: {tmp_path / 'child.yaml'}}}
    """)
    with pytest.raises(GraphLoadError, match="GXF_ENTITY_NOT_FOUND"):
        core.graph_load_file(context, graph)


def test_tagged_location_is_refused_naming_the_graph_file_and_line(context, monkeypatch):
    monkeypatch.chdir(REPO)
    path = os.path.join(DATA, "bad_subgraph_location_tagged.yaml")
    with pytest.raises(GraphLoadError) as error:
        core.graph_load_file(context, path)
    message = error_report(error.value)
    assert message.startswith(f"GXF_INVALID_DATA_FORMAT: {path}:8: entity 'pipeline', "
                              "component 'blocks' (nvidia::gxf::Subgraph): ")
    assert "parameter 'location' has the YAML tag !include" in message
    assert "it would read 'tests/data/subgraph/two_blocks.yaml' as a file path" in message


def test_location_naming_no_file_names_where_it_is_written(context, monkeypatch):
    monkeypatch.chdir(REPO)
    path = os.path.join(DATA, "bad_subgraph_location_missing.yaml")
    with pytest.raises(GraphLoadError) as error:
        core.graph_load_file(context, path)
    message = error_report(error.value)
    assert message.startswith(f"GXF_FILE_NOT_FOUND: {path}:7: entity 'pipeline', "
                              "component 'blocks' (nvidia::gxf::Subgraph): ")
    assert "subgraph location 'tests/data/subgraph/no_such_block.yaml' names no file" in message
