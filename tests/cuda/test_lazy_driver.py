# SPDX-License-Identifier: Apache-2.0
"""The CUDA driver is loaded only when something asks for a GPU. Importing the engine's
packages and running a graph of Python codelets must not load it: cuInit alone takes ~0.2 s
on the GPU machine, which every Python-codelet graph paid at start (the type registry made and
destroyed a CudaBuffer, whose destructor named the driver)."""

import ctypes
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def driver_loadable():
    """True when this machine has a CUDA driver library to load."""
    try:
        ctypes.CDLL("libcuda.so.1")
    except OSError:
        return False
    return True


@pytest.mark.skipif(not driver_loadable(), reason="no CUDA driver library on this machine")
def test_imports_and_a_python_graph_leave_the_driver_unloaded():
    """gxf.cuda, gxf.python_codelet, gxf.inference and gxf.flow imported and a PyCodeletV0
    graph run: libcuda is not mapped into the process afterwards."""
    script = textwrap.dedent(f"""
        import gxf.std, gxf.cuda, gxf.python_codelet, gxf.inference, gxf.flow
        from gxf.gxe import main
        code = main(["--app", "{REPO / 'graphs' / 'python_ping.yaml'}",
                     "--manifest", "{REPO / 'graphs' / 'manifest.yaml'}", "--severity", "1"])
        assert code in (0, None), code
        maps = open("/proc/self/maps").read()
        print("LIBCUDA" if "libcuda.so" in maps else "NO-LIBCUDA")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "NO-LIBCUDA", result.stdout
