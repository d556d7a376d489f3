# SPDX-License-Identifier: Apache-2.0
"""Double-buffer queues: a large capacity costs only what the queue holds."""

import subprocess
import sys
import textwrap
from pathlib import Path

from gxf_test_support import MANIFEST, REPO

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
    # 10^9 slots of each stage would be gigabytes if allocated up front. gxe.py runs under a
    # fresh Python that reports its children's peak RSS: this process's own children (other
    # tests' graphs, torch among them) would otherwise count too.
    graph = _ping_with_capacity(tmp_path, 10 ** 9)
    probe = textwrap.dedent(f"""
        import resource, subprocess, sys
        code = subprocess.run([sys.executable, "-m", "gxf.gxe", "--app", {graph!r},
                               "--manifest", {MANIFEST!r}, "--severity", "1"],
                              timeout=30).returncode
        print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    """)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    code, peak_kib = (int(field) for field in result.stdout.split()[-2:])
    assert code == 0, result.stdout + result.stderr
    assert peak_kib < 1024 * 1024, f"child peak RSS {peak_kib} KiB"
