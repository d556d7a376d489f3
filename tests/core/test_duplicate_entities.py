# SPDX-License-Identifier: Apache-2.0
"""Two documents of one graph file defining one entity: adding an unnamed component is an error
at load naming both places unless duplicates are allowed (GXF's merging); adding named ones is
merged with a warning; a document that only sets parameters of an existing entity's
components, or one in another file (GXF's overlay files), is fine."""

import os

import pytest

from gxf_test_support import DATA, run_gxe
from gxf import core
from gxf.core.errors import GraphLoadError, error_report

DUPLICATE = os.path.join(DATA, "bad_duplicate_entity.yaml")


def test_second_definition_fails_the_load_naming_both_places(context):
    with pytest.raises(GraphLoadError) as error:
        core.graph_load_file(context, DUPLICATE)
    message = error_report(error.value)
    assert message.startswith(f"GXF_ARGUMENT_INVALID: {DUPLICATE}:21: entity 'rx': ")
    assert f"entity 'rx' is already defined at {DUPLICATE}:14;" in message
    assert "this document adds an unnamed component (nvidia::gxf::PingRx, line 25)" in message
    assert "--allow-duplicate-entities" in message and "GXF_ALLOW_DUPLICATE_ENTITIES=1" in message


def test_another_file_may_extend_an_entity_as_gxf_overlays_do(context, tmp_path):
    """GXF's own overlay files add components to an entity of another file
    (gather_subgraph.param.yaml adds gather/input_3), so only one file's duplicates are errors."""
    first = tmp_path / "first.yaml"
    first.write_text("name: a\ncomponents:\n- name: t\n  type: nvidia::gxf::ManualClock\n")
    second = tmp_path / "second.yaml"
    second.write_text("name: a\ncomponents:\n- name: u\n  type: nvidia::gxf::ManualClock\n")
    core.graph_load_file(context, str(first))
    core.graph_load_file(context, str(second))
    eid = core.entity_find(context, "a")
    assert {core.component_info(context, cid)["name"]
            for cid in core.component_find(context, eid)} == {"t", "u"}


def test_a_parameter_file_may_name_existing_components(context, tmp_path):
    graph = tmp_path / "graph.yaml"
    graph.write_text("name: a\ncomponents:\n- name: clock\n  type: nvidia::gxf::ManualClock\n")
    params = tmp_path / "params.yaml"
    params.write_text("name: a\ncomponents:\n- name: clock\n  parameters:\n"
                      "    initial_timestamp: 7\n"
                      "---\nname: a\ncomponents:\n- name: clock\n"
                      "  type: nvidia::gxf::ManualClock\n  parameters:\n"
                      "    initial_timestamp: 9\n")
    core.graph_load_file(context, str(graph))
    core.graph_load_file(context, str(params))
    (cid,) = core.component_find(context, core.entity_find(context, "a"), component_name="clock")
    assert core.parameter_get(context, cid, "initial_timestamp") == 9


def test_allowing_duplicates_merges_them_as_gxf_does(context):
    core.graph_load_file(context, DUPLICATE, allow_duplicate_entities=True)
    eid = core.entity_find(context, "rx")
    names = {core.component_info(context, cid)["name"]
             for cid in core.component_find(context, eid)}
    assert {"signal", "input"} <= names


def test_environment_variable_allows_duplicates(context, monkeypatch):
    monkeypatch.setenv("GXF_ALLOW_DUPLICATE_ENTITIES", "1")
    core.graph_load_file(context, DUPLICATE)
    assert core.entity_find(context, "rx")


def test_gxe_flag_allows_duplicates():
    strict = run_gxe(DUPLICATE, extra_args=["--severity", "0", "--run", "false"])
    assert strict.returncode == 1 and "entity 'rx' is already defined" in strict.stderr
    lenient = run_gxe(DUPLICATE, extra_args=["--severity", "0", "--run", "false",
                                             "--allow-duplicate-entities"])
    assert lenient.returncode == 0, lenient.stderr


def test_named_components_added_in_one_file_are_merged_with_a_warning(context, tmp_path, caplog):
    """GXF's own test_entity_group_default.yaml defines GPU_1 twice, with two named
    GPUDevices, and must run: merged, with a warning naming both places."""
    graph = tmp_path / "graph.yaml"
    graph.write_text("name: gpu\ncomponents:\n- name: a\n  type: nvidia::gxf::ManualClock\n"
                     "---\nname: gpu\ncomponents:\n- name: b\n  type: nvidia::gxf::ManualClock\n")
    core.graph_load_file(context, str(graph))
    assert f"entity 'gpu' is already defined at {graph}:3; this document adds component(s) " \
           "'b' (line 8) to it (merged, as GXF does)" in caplog.text
