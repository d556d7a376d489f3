"""tools/bench/tensor.py: the steady-state hop figures and the engine's CUDA traffic count."""

import os
import sys
import tempfile

import gxf.std

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "tools", "bench"))

import tensor  # noqa: E402

TRAFFIC_KEYS = {"copies", "copy_bytes", "device_allocations", "pinned_allocations"}


def test_cuda_traffic_counts_are_readable():
    """gxf.std.cuda_traffic() gives the four counts as non-negative integers."""
    counts = gxf.std.cuda_traffic()
    assert set(counts) == TRAFFIC_KEYS
    assert all(isinstance(value, int) and value >= 0 for value in counts.values())


def test_host_side_reports_steady_state_and_no_cuda_traffic():
    """Host frames: every frame arrives, the steady state excludes start-up, and the engine
    makes no CUDA copy or allocation per frame (with or without a GPU)."""
    with tempfile.TemporaryDirectory() as workdir:
        result = tensor.measure(False, frames=60, reps=1, workdir=workdir, breakdown=True)
    assert result["steady_frames"] == 54
    assert result["frame_us"] > 0 and result["start_s"] > 0
    assert result["traffic"] == dict.fromkeys(TRAFFIC_KEYS, 0)
    assert set(result["steps_us"]) == set(tensor_codelet_steps())


def tensor_codelet_steps():
    """The step names the stage codelets time."""
    sys.path.insert(0, os.path.join(REPO, "tools", "bench", "codelets"))
    import tensor_codelets

    return tensor_codelets.STEPS
