"""Device frames through five Python codelets: in the steady state the engine makes no CUDA
copy and no allocation per frame (the frames come from a BlockMemoryPool, stages view them in
place), with the array interfaces and with DLPack."""

import os
import sys
import tempfile

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "tools", "bench"))

import tensor  # noqa: E402


@pytest.mark.parametrize("interop", ["asarray", "dlpack"])
def test_device_frames_make_no_copy_or_allocation(interop):
    """0 copies, 0 device and 0 pinned allocations over the steady frames."""
    with tempfile.TemporaryDirectory() as workdir:
        result = tensor.measure(True, frames=100, reps=1, workdir=workdir, interop=interop)
    assert result["steady_frames"] == 90
    assert result["traffic"] == {"copies": 0, "copy_bytes": 0, "device_allocations": 0,
                                 "pinned_allocations": 0}
