"""tools/bench/infer.py end to end on the tiny model: one message per frame and one per batch,
on the greedy and the event-based scheduler, with the Python source and sink or the C++ ones
(extensions/bench); every frame reaches the sink (the bench checks the
count and exits with a message otherwise)."""

import os
import re
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INFER = os.path.join(REPO, "tools", "bench", "infer.py")

pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

ROW = re.compile(r"^\s*tiny\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)", re.MULTILINE)


@pytest.mark.parametrize("options", [[], ["--batched"], ["--batched", "--workers", "2"],
                                     ["--native-ends"]],
                         ids=["per frame, greedy", "batched, greedy", "batched, event-based",
                              "per frame, C++ source and sink"])
def test_every_frame_arrives_and_the_row_is_printed(options):
    """A row of the table: batch 4, 96 frames, positive rates on both sides, a ratio."""
    result = subprocess.run([sys.executable, INFER, "--model", "tiny", "--batch", "4",
                             "--frames", "96", "--reps", "1"] + options,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    row = ROW.search(result.stdout)
    assert row, result.stdout
    batch, frames, direct_fps, graph_fps, ratio = row.groups()
    assert (batch, frames) == ("4", "96")
    assert int(direct_fps) > 0 and int(graph_fps) > 0 and float(ratio) > 0
