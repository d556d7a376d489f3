# SPDX-License-Identifier: Apache-2.0
"""Helpers shared by the tests: paths and running graphs through gxe.py with a hard timeout.

A module of its own (not conftest) so tests in any folder can import it unambiguously."""

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(REPO, "tests", "data")
MANIFEST = os.path.join(REPO, "graphs", "manifest.yaml")
DEFAULT_TIMEOUT_S = 60


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
    head = ""
    try:
        if interrupt_after is not None:
            # Count from the start of the run, not of the process: on a loaded machine loading
            # the extensions alone can take longer than `interrupt_after`.
            head = read_until(process, "running the graph...")
            try:
                output, _ = process.communicate(timeout=interrupt_after)
                return GraphRun(process.returncode, head + output)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=timeout)
        output = head + output
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        pytest.fail(f"graph run exceeded {timeout} s:\n{output[-3000:]}")
    return GraphRun(process.returncode, output)


def read_until(process, text, timeout=60):
    """Read a process's stdout line by line up to the first line holding `text` (or its end);
    returns what was read."""
    lines = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if text in line:
            break
    return "".join(lines)


def run_to_end(context, graph_file, overrides=None):
    """Load a graph file into `context`, then activate, run and deactivate it."""
    from gxf import core

    core.graph_load_file(context, str(graph_file), overrides=overrides)
    core.graph_activate(context)
    core.graph_run(context)
    core.graph_deactivate(context)


STUCK_CODELET = os.path.join(REPO, "tests", "core", "codelets", "stuck.py")
STUCK_SCHEDULERS = {
    "greedy": "type: nvidia::gxf::GreedyScheduler\n  parameters: {clock: clock}",
    "multi_thread": "type: nvidia::gxf::MultiThreadScheduler\n"
                    "  parameters: {clock: clock, worker_thread_number: 2}",
    "event_based": "type: nvidia::gxf::EventBasedScheduler\n"
                   "  parameters: {clock: clock, worker_thread_number: 2}",
}


def write_stuck_graph(path, scheduler, stuck_in="tick", release_file=None, busy=False):
    """Write a graph whose Python codelet (entity 'stuck', component 'sleeper', line 9 with
    `busy`, else 3) does not return from `stuck_in` (until `release_file` exists); `busy` adds
    a native entity ticking every 20 ms. Returns the path as a string."""
    params = f"stuck_in: {stuck_in}" + (f", release_file: {release_file}" if release_file else "")
    busy_entity = ("name: busy\ncomponents:\n- type: nvidia::gxf::HelloWorld\n"
                   "- type: nvidia::gxf::PeriodicSchedulingTerm\n"
                   "  parameters: {recess_period: 20ms}\n---\n") if busy else ""
    path.write_text(f"""{busy_entity}name: stuck
components:
- name: sleeper
  type: nvidia::gxf::PyCodeletV0
  parameters:
    codelet_name: Stuck
    codelet_file: {STUCK_CODELET}
    codelet_params: {{{params}}}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: 1}}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::RealtimeClock
- name: scheduler
  {STUCK_SCHEDULERS[scheduler]}
""")
    return str(path)
