# SPDX-License-Identifier: Apache-2.0
"""examples/flow_*.py run to the end and print what they checked."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("example,expected", [
    ("flow_probe.py", "flow_probe: 30 frames, 30 objects"),
    ("flow_batch.py", "flow_batch: 10 batches of 2"),
    ("flow_capture.py", "(12 frames)"),
])
def test_flow_examples_run(example, expected, tmp_path):
    if example == "flow_capture.py" and importlib.util.find_spec("av") is None:
        pytest.skip("PyAV (the media extra) is not installed")
    result = subprocess.run([sys.executable, str(ROOT / "examples" / example)],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert expected in result.stdout, result.stdout
