# SPDX-License-Identifier: Apache-2.0
"""Which YAML documents of a graph file become entities (as GXF's loader decides)."""

import pytest

from gxf import core

MANIFEST_EXTENSIONS = ["libgxf_std.so", "libgxf_sample.so"]

ENTITY = """name: {name}
components:
- type: nvidia::gxf::HelloWorld
"""


@pytest.fixture
def context():
    """A context with std and sample loaded, destroyed afterwards."""
    ctx = core.context_create()
    core.load_extensions(ctx, extension_filenames=MANIFEST_EXTENSIONS)
    yield ctx
    core.context_destroy(ctx)


def _load(context, tmp_path, text):
    graph = tmp_path / "graph.yaml"
    graph.write_text(text)
    core.graph_load_file(context, str(graph))


def test_trailing_document_separator_is_an_empty_document(context, tmp_path):
    """A file ending in '---' loads; the empty last document is skipped."""
    _load(context, tmp_path, ENTITY.format(name="a") + "---\n")
    assert core.entity_find(context, "a")


def test_document_without_components_creates_no_entity(context, tmp_path):
    """'name' alone does not create an entity."""
    _load(context, tmp_path, ENTITY.format(name="a") + "---\nname: lonely\n")
    with pytest.raises(core.GxfError):
        core.entity_find(context, "lonely")


def test_document_with_null_components_creates_the_entity(context, tmp_path):
    """'components:' with no value is an entity without components."""
    _load(context, tmp_path, "name: empty\ncomponents:\n")
    assert core.entity_find(context, "empty")


def test_non_mapping_document_is_invalid_data(context, tmp_path):
    """A document that is a list fails with GXF_INVALID_DATA_FORMAT."""
    with pytest.raises(core.GraphLoadError) as raised:
        _load(context, tmp_path, ENTITY.format(name="a") + "---\n- just\n- a list\n")
    assert raised.value.code == "GXF_INVALID_DATA_FORMAT"
