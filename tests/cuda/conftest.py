# SPDX-License-Identifier: Apache-2.0
"""Fixtures of the CUDA tests. Every test here is marked `gpu` and skipped cleanly where there
is no NVIDIA GPU, no CUDA driver or no CuPy, but those of modules that set NEEDS_GPU = False
(the bindings' bookkeeping, which makes no stream and touches no memory)."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CODELETS = HERE / "codelets"

MANIFEST = """
extensions:
- gxf/std/libgxf_std.so
- gxf/cuda/libgxf_cuda.so
- gxf/python_codelet/libgxf_python_codelet.so
- gxf/test/extensions/libgxf_test.so
"""


def gpu_skip_reason():
    """Why the GPU tests cannot run here, or None when they can."""
    try:
        import cupy
    except ImportError:
        return "CuPy is not installed"
    try:
        if cupy.cuda.runtime.getDeviceCount() < 1:
            return "no CUDA device"
    except Exception as error:  # noqa: BLE001 - any CUDA failure means no usable GPU
        return f"CUDA unavailable: {error}"
    from gxf.cuda import cuda_available

    if not cuda_available():
        return "the engine cannot load the CUDA driver"
    return None


def pytest_collection_modifyitems(config, items):
    """Mark every test of this directory `gpu` (but those of a module setting NEEDS_GPU =
    False); skip them all without a usable GPU."""
    reason = gpu_skip_reason()
    for item in items:
        if (HERE in Path(str(item.fspath)).parents
                and getattr(getattr(item, "module", None), "NEEDS_GPU", True)):
            item.add_marker(pytest.mark.gpu)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def run_graph(tmp_path):
    """Run graph text with gxe.py in a child process; returns (returncode, reports, output).

    CODELETS in the graph text names tests/cuda/codelets; lines printed as 'REPORT {json}' come
    back parsed in `reports`."""

    def run(graph_text, timeout=180):
        graph = tmp_path / "graph.yaml"
        graph.write_text(textwrap.dedent(graph_text).replace("CODELETS", str(CODELETS)),
                         encoding="utf-8")
        manifest = tmp_path / "manifest.yaml"
        manifest.write_text(MANIFEST, encoding="utf-8")
        command = [sys.executable, "-m", "gxf.gxe", "--app", str(graph), "--manifest",
                   str(manifest), "--severity", "2"]
        try:
            process = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                     cwd=tmp_path, env=dict(os.environ, PYTHONUNBUFFERED="1"))
        except subprocess.TimeoutExpired as error:
            pytest.fail(f"graph did not finish within {timeout} s:\n{error.stdout}\n{error.stderr}")
        reports = [json.loads(line[len("REPORT "):]) for line in process.stdout.splitlines()
                   if line.startswith("REPORT ")]
        return process.returncode, reports, process.stdout + process.stderr

    return run
