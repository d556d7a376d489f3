# SPDX-License-Identifier: Apache-2.0
"""Fixtures of the tensor tests: an activated context with allocators, and a graph runner
that runs graph text in a child process under a hard timeout."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

import gxf.core as core
from gxf.core import Graph
from gxf.std import Allocator

HERE = Path(__file__).resolve().parent
CODELETS = HERE / "codelets"

MEMORY_GRAPH = """
name: memory
components:
- name: unbounded
  type: nvidia::gxf::UnboundedAllocator
- name: pool
  type: nvidia::gxf::BlockMemoryPool
  parameters:
    storage_type: 2
    block_size: 1024
    num_blocks: 2
"""

MANIFEST = """
extensions:
- gxf/std/libgxf_std.so
- gxf/python_codelet/libgxf_python_codelet.so
- gxf/test/extensions/libgxf_test.so
"""


class Memory:
    """An activated context holding an UnboundedAllocator and a 2-block system BlockMemoryPool."""

    def __init__(self, directory):
        self.context = core.context_create()
        graph = directory / "memory.yaml"
        graph.write_text(MEMORY_GRAPH, encoding="utf-8")
        core.load_extensions(self.context, ["gxf/std/libgxf_std.so"])
        core.graph_load_file(self.context, str(graph))
        core.graph_activate(self.context)
        eid = core.entity_find(self.context, "memory")
        cid = core.component_find(self.context, eid, component_name="unbounded")[0]
        self.unbounded = Allocator.get(self.context, cid, "unbounded")
        self.pool = Allocator.get(self.context, cid, "pool")

    def close(self):
        """Deactivate and destroy the context."""
        core.graph_deactivate(self.context)
        core.context_destroy(self.context)


@pytest.fixture
def memory(tmp_path):
    """An activated context with allocators `unbounded` and `pool` (2 x 1024 B, system)."""
    memory = Memory(tmp_path)
    yield memory
    memory.close()


@pytest.fixture
def run_graph(tmp_path):
    """Run a graph (YAML text, or a gxf.core.Graph saved to YAML) with gxe.py in a child
    process; returns (returncode, reports, output).

    Python codelet files are found in tests/std/tensor/codelets (passed as CODELETS in the
    graph text). Lines the codelets print as 'REPORT {json}' are returned parsed in `reports`."""

    def run(graph_text, timeout=120, env=None):
        graph = tmp_path / "graph.yaml"
        if isinstance(graph_text, Graph):  # built with the graph API: run its saved YAML
            graph_text.load_extensions(yaml.safe_load(MANIFEST)["extensions"])
            graph_text.save(str(graph))
            core.context_destroy(graph_text.context)
        else:
            graph.write_text(textwrap.dedent(graph_text).replace("CODELETS", str(CODELETS)),
                             encoding="utf-8")
        manifest = tmp_path / "manifest.yaml"
        manifest.write_text(MANIFEST, encoding="utf-8")
        command = [sys.executable, "-m", "gxf.gxe", "--app", str(graph), "--manifest",
                   str(manifest), "--severity", "2"]
        child_env = dict(os.environ, PYTHONUNBUFFERED="1", **(env or {}))
        try:
            process = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                     cwd=tmp_path, env=child_env)
        except subprocess.TimeoutExpired as error:
            pytest.fail(f"graph did not finish within {timeout} s:\n{error.stdout}\n{error.stderr}")
        reports = [json.loads(line[len("REPORT "):]) for line in process.stdout.splitlines()
                   if line.startswith("REPORT ")]
        return process.returncode, reports, process.stdout + process.stderr

    return run
