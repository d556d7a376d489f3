# SPDX-License-Identifier: Apache-2.0
"""Fixtures of the std tests: every graph runs in a child process under a hard timeout."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
MANIFEST = HERE.parents[1] / "graphs" / "manifest.yaml"
RUNNER = HERE / "graph_runner.py"
CODELETS = HERE / "codelets"


@pytest.fixture
def run_graph_text(tmp_path):
    """Run graph text in a child process; returns the list of per-run result dicts.

    Keyword options go to graph_runner.py (interrupt_after, repeat, stats, busy_python).
    A hang past `timeout` seconds fails the test instead of blocking the suite."""

    def run(graph_text, timeout=60, **options):
        path = tmp_path / "graph.yaml"
        path.write_text(graph_text, encoding="utf-8")
        command = [sys.executable, str(RUNNER), str(path), str(MANIFEST), json.dumps(options)]
        try:
            process = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                     cwd=tmp_path)
        except subprocess.TimeoutExpired as error:
            pytest.fail(f"graph did not finish within {timeout} s:\n{error.stdout}\n{error.stderr}")
        lines = [line for line in process.stdout.splitlines() if line.startswith("RESULT ")]
        if process.returncode != 0 or not lines:
            pytest.fail(f"graph runner exited {process.returncode}:\n{process.stdout}\n"
                        f"{process.stderr}")
        runs = json.loads(lines[-1][len("RESULT "):])
        for entry in runs:
            entry["stderr"] = process.stderr
        return runs

    return run


@pytest.fixture
def run_gxe_text(tmp_path):
    """Run graph text with gxe.py in a child process; returns the CompletedProcess."""

    def run(graph_text, timeout=60, params=()):
        path = tmp_path / "graph.yaml"
        path.write_text(graph_text, encoding="utf-8")
        command = [sys.executable, "-m", "gxf.gxe", "--app", str(path), "--manifest",
                   str(MANIFEST), "--severity", "2"] + [f"--param={p}" for p in params]
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                  cwd=tmp_path)
        except subprocess.TimeoutExpired as error:
            pytest.fail(f"gxe.py did not finish within {timeout} s:\n{error.stdout}\n{error.stderr}")

    return run


@pytest.fixture
def codelet_file():
    """Absolute path of a Python codelet module under tests/std/codelets."""
    return lambda name: str(CODELETS / name)


@pytest.fixture
def manifest():
    """Path of the manifest that lists the engine's extensions."""
    return str(MANIFEST)
