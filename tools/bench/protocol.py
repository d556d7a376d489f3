"""How a benchmark child process reports back: one prefixed JSON line on stdout.

A child (gxf_child.py, ours_child.py, holoscan_child.py) runs one graph once and prints
``GXF_BENCH_RESULT {"ok": ..., "stages": {...}, "run_s": ..., ...}``.  The prefix keeps the
line findable among whatever the engine itself prints (JobStatistics, loggers).
"""

from __future__ import annotations

import json
import sys

PREFIX = "GXF_BENCH_RESULT "
SUCCESS = "GXF_SUCCESS"


def emit(result: dict) -> None:
    """Print the child's result line and flush."""
    sys.stdout.write(PREFIX + json.dumps(result) + "\n")
    sys.stdout.flush()


def parse(stdout: str) -> dict | None:
    """The last result line found in a child's stdout, or None."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(PREFIX):
            try:
                return json.loads(line[len(PREFIX):])
            except ValueError:
                return None
    return None


def all_stages_ok(stages: dict) -> bool:
    """True when every recorded stage ended in GXF_SUCCESS."""
    return bool(stages) and all(v == SUCCESS for v in stages.values())
