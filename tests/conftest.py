# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures: run a graph end to end through gxe.py in a child process."""

import os
import signal
import subprocess
import sys

import pytest

TESTS = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(TESTS, "manifest.yaml")
GRAPH_TIMEOUT_S = 60


class GraphRun:
    """Outcome of one gxe.py run: exit status and the merged stdout/stderr text."""

    def __init__(self, returncode, output):
        self.returncode = returncode
        self.output = output

    def count(self, text):
        """How many lines of the output contain `text`."""
        return sum(text in line for line in self.output.splitlines())


def _run(graphs, params=(), timeout=GRAPH_TIMEOUT_S, interrupt_after=None, severity=3):
    """Run gxe.py on `graphs`; SIGINT after `interrupt_after` s; kill after `timeout` s."""
    cmd = [sys.executable, "-m", "gxf.gxe", "--app", ",".join(graphs), "--manifest", MANIFEST,
           "--severity", str(severity)]
    cmd += [f"--param={param}" for param in params]
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
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
    return _run
