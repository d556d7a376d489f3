# SPDX-License-Identifier: Apache-2.0
"""Double-buffer queues: a large capacity costs only what the queue holds."""

import resource
from pathlib import Path

from gxf_test_support import REPO, run_gxe

PING = f"{REPO}/graphs/ping.yaml"


def _ping_with_capacity(tmp_path, capacity):
    """graphs/ping.yaml with both queues bounded at `capacity` and 1000 messages."""
    text = Path(PING).read_text()
    for queue in ("DoubleBufferTransmitter", "DoubleBufferReceiver"):
        text = text.replace(f"type: nvidia::gxf::{queue}",
                            f"type: nvidia::gxf::{queue}\n  parameters: {{capacity: {capacity}}}")
    text = text.replace("count: 10", "count: 1000")
    path = tmp_path / "ping_capacity.yaml"
    path.write_text(text)
    return str(path)


def test_huge_capacity_activates_without_allocating_it(tmp_path):
    # 10^9 slots of each stage would be gigabytes if allocated up front.
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = run_gxe(_ping_with_capacity(tmp_path, 10 ** 9), extra_args=["--severity", "1"],
                     timeout=30)
    assert result.returncode == 0, result.output
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert max(before, peak_kib) < 1024 * 1024, f"child peak RSS {peak_kib} KiB"
