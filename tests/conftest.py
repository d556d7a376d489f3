# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures: run graphs through gxe.py (subprocess, hard timeout) or in-process."""

import textwrap

import pytest

from gxf_test_support import MANIFEST, run_interruptible


def pytest_addoption(parser):
    """--runslow opts in to slow tests."""
    parser.addoption("--runslow", action="store_true", default=False, help="run slow tests")


def pytest_collection_modifyitems(config, items):
    """Skip slow tests unless --runslow."""
    if config.getoption("--runslow"):
        return
    skip_slow = pytest.mark.skip(reason="slow: use --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)


@pytest.fixture
def run_graph():
    """Callable running graph files through gxe.py with a hard timeout; returns a GraphRun."""
    return run_interruptible


@pytest.fixture
def write_graph(tmp_path):
    """Write YAML text (dedented) to a file in tmp_path and return its path."""

    def write(text, name="graph.yaml"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(text))
        return str(path)

    return write


@pytest.fixture
def context():
    """A context with the std, sample and python_codelet extensions loaded."""
    from gxf import core

    handle = core.context_create()
    core.gxf_set_severity(handle, 1)
    core.load_extensions(handle, manifest_filenames=[MANIFEST])
    yield handle
    core.context_destroy(handle)
