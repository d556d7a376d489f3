# SPDX-License-Identifier: Apache-2.0
"""Entity groups: the default group takes uid 1; EntityGroups documents and the Python API move
entities into named groups."""

from pathlib import Path

import pytest

import gxf.core as core

GRAPH = """%YAML 1.2
---
name: a
components:
- name: pool
  type: nvidia::gxf::ThreadPool
---
name: b
components: []
---
EntityGroups:
- name: group_one
  target:
  - b
"""


@pytest.fixture
def context(tmp_path):
    """A context with the std extension and GRAPH loaded."""
    manifest = Path(__file__).resolve().parents[2] / "graphs" / "manifest.yaml"
    path = tmp_path / "groups.yaml"
    path.write_text(GRAPH, encoding="utf-8")
    handle = core.context_create()
    core.gxf_set_severity(handle, 1)
    core.load_extensions(handle, manifest_filenames=[str(manifest)])
    core.graph_load_file(handle, str(path))
    yield handle
    core.context_destroy(handle)


def test_entities_start_in_the_default_group_of_uid_1(context):
    eid = core.entity_find(context, "a")
    assert core.entity_group_id(context, eid) == 1
    assert core.entity_group_name(context, eid) == "default_entity_group"


def test_entity_groups_document_moves_its_targets(context):
    eid = core.entity_find(context, "b")
    assert core.entity_group_name(context, eid) == "group_one"
    assert core.entity_group_id(context, eid) > eid


def test_python_api_creates_a_group_and_moves_an_entity(context):
    eid = core.entity_find(context, "a")
    gid = core.entity_group_create(context, "mine")
    core.entity_group_add(context, gid, eid)
    assert core.entity_group_id(context, eid) == gid
    assert core.entity_group_name(context, eid) == "mine"


def test_adding_to_an_unknown_group_fails(context):
    with pytest.raises(core.GxfError, match="GXF_ENTITY_GROUP_NOT_FOUND"):
        core.entity_group_add(context, 999_999, core.entity_find(context, "a"))
