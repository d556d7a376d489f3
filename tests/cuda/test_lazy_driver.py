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


def assert_driver_unloaded_after(script):
    """Run `script` in a fresh interpreter, then check libcuda is not mapped into it."""
    script += textwrap.dedent("""
        maps = open("/proc/self/maps").read()
        print("LIBCUDA" if "libcuda.so" in maps else "NO-LIBCUDA")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "NO-LIBCUDA", result.stdout


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
    """)
    assert_driver_unloaded_after(script)


@pytest.mark.skipif(not driver_loadable(), reason="no CUDA driver library on this machine")
def test_wrapping_host_arrays_leaves_the_driver_unloaded():
    """Tensor.as_tensor of NumPy arrays asks whether their memory is page-locked, which no
    memory can be while no code in the process has initialized CUDA: the driver stays
    unloaded and the tensors are kSystem."""
    script = textwrap.dedent("""
        import numpy as np
        from gxf.std import MemoryStorageType, Tensor
        kinds = {Tensor.as_tensor(np.zeros(16, np.float32)).storage_type() for _ in range(3)}
        assert kinds == {MemoryStorageType.kSystem}, kinds
    """)
    assert_driver_unloaded_after(script)


@pytest.mark.gpu
def test_page_locked_arrays_are_seen_once_another_library_initialized_cuda():
    """With CUDA initialized by CuPy (not by the engine), a NumPy array over CuPy's pinned
    memory wraps as kHost and a pageable one as kSystem."""
    cupy = pytest.importorskip("cupy")
    if cupy.cuda.runtime.getDeviceCount() == 0:
        pytest.skip("no GPU")
    import numpy as np

    from gxf.std import MemoryStorageType, Tensor

    pageable = np.zeros(1024, np.float32)
    assert Tensor.as_tensor(pageable).storage_type() == MemoryStorageType.kSystem
    memory = cupy.cuda.alloc_pinned_memory(4096)
    pinned = np.frombuffer(memory, np.float32, 1024)
    assert Tensor.as_tensor(pinned).storage_type() == MemoryStorageType.kHost
    assert Tensor.as_tensor(pageable).storage_type() == MemoryStorageType.kSystem
