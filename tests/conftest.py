# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures: run graphs through gxe.py (subprocess, hard timeout) or in-process."""

import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import dataclass

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(REPO, "tests", "data")
MANIFEST = os.path.join(REPO, "graphs", "manifest.yaml")
DEFAULT_TIMEOUT_S = 60


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


@dataclass
class GraphRun:
    """Outcome of one gxe.py run."""

    returncode: int
    stdout: str
    stderr: str = ""

    @property
    def output(self):
        """stdout and stderr together."""
        return self.stdout + self.stderr

    def count(self, text):
        """How many lines of the output contain `text`."""
        return sum(text in line for line in self.output.splitlines())


def run_gxe(apps, manifest=MANIFEST, extra_args=(), timeout=DEFAULT_TIMEOUT_S, cwd=REPO):
    """Run gxe.py in a subprocess; a hang fails the test instead of stalling the suite."""
    if isinstance(apps, str):
        apps = [apps]
    command = [sys.executable, "-m", "gxf.gxe", "--app", ",".join(apps), "--manifest", manifest,
               *extra_args]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                   cwd=cwd)
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"graph run exceeded {timeout} s (hang?): {' '.join(command)}\n"
                    f"{error.stdout}\n{error.stderr}")
    return GraphRun(completed.returncode, completed.stdout, completed.stderr)


def run_interruptible(graphs, params=(), timeout=DEFAULT_TIMEOUT_S, interrupt_after=None,
                      severity=3):
    """Run gxe.py on `graphs` (stdout and stderr merged); SIGINT after `interrupt_after` s,
    kill after `timeout` s."""
    command = [sys.executable, "-m", "gxf.gxe", "--app", ",".join(graphs), "--manifest",
               MANIFEST, "--severity", str(severity)]
    command += [f"--param={param}" for param in params]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, start_new_session=True)
    try:
        if interrupt_after is not None:
            try:
                output, _ = process.communicate(timeout=interrupt_after)
                return GraphRun(process.returncode, output)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        pytest.fail(f"graph run exceeded {timeout} s:\n{output[-3000:]}")
    return GraphRun(process.returncode, output)


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
