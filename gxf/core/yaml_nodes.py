# SPDX-License-Identifier: Apache-2.0
"""Reading graph files with PyYAML while keeping line numbers and yaml-cpp's value rules."""

import re

import yaml

from gxf.core import _core

__all__ = ["compose_documents", "to_core_node", "node_to_python", "node_text", "explicit_tag"]

_KIND_NULL, _KIND_SCALAR, _KIND_SEQUENCE, _KIND_MAP = 0, 1, 2, 3
_STANDARD_TAG_PREFIX = "tag:yaml.org,2002:"
_DIRECTIVE = re.compile(r"^%YAML[^\n]*$", re.MULTILINE)


class _BlockDumper(yaml.SafeDumper):
    """Dumps nested sequences indented under their key, as yaml-cpp does."""

    def increase_indent(self, flow=False, indentless=False):
        """Never use PyYAML's indentless sequences."""
        return super().increase_indent(flow, False)


def compose_documents(text):
    """Composed node trees of every document in `text` (None for empty documents)."""
    # yaml-cpp accepts "%YAML 1.2" and a directive without "---"; PyYAML does not. Blank the
    # directive line (keeping line numbers) and let the first document start implicitly.
    text = _DIRECTIVE.sub(lambda match: "#" + match.group(0), text)
    return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


def _block_style(node):
    """A copy of the node tree with every collection in block style."""
    if isinstance(node, yaml.SequenceNode):
        return yaml.SequenceNode(node.tag, [_block_style(item) for item in node.value],
                                 flow_style=False)
    if isinstance(node, yaml.MappingNode):
        return yaml.MappingNode(node.tag, [(key, _block_style(value)) for key, value in node.value],
                                flow_style=False)
    return node


def node_text(node):
    """The node serialised in block style (what a string parameter receives)."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    return yaml.serialize(_block_style(node), Dumper=_BlockDumper).rstrip("\n")


def explicit_tag(node):
    """The node's explicit tag ('!ms'), or '' for plain/standard tags."""
    return "" if node.tag.startswith(_STANDARD_TAG_PREFIX) else node.tag


def to_core_node(node):
    """Convert a composed PyYAML node into the core's YamlNode."""
    core = _core.YamlNode()
    core.line = node.start_mark.line + 1
    core.tag = explicit_tag(node)
    if isinstance(node, yaml.ScalarNode):
        core.quoted = node.style in ("'", '"')
        is_null = node.tag == _STANDARD_TAG_PREFIX + "null" and not core.quoted
        core.kind = _KIND_NULL if is_null else _KIND_SCALAR
        core.scalar = "" if is_null else node.value
        core.text = core.scalar
    elif isinstance(node, yaml.SequenceNode):
        core.kind = _KIND_SEQUENCE
        core.items = [to_core_node(item) for item in node.value]
        core.text = node_text(node)
    else:
        core.kind = _KIND_MAP
        core.entries = [(key.value, to_core_node(value)) for key, value in node.value]
        core.text = node_text(node)
    return core


def node_to_python(node):
    """Plain Python value of a composed node (used for the loader's own keys)."""
    return yaml.safe_load(yaml.serialize(node)) if node is not None else None
