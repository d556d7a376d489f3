# SPDX-License-Identifier: Apache-2.0
"""`gxe.py --trace out.json`: every codelet tick as a Chrome / Perfetto trace event, one track
per worker thread (open in ui.perfetto.dev or chrome://tracing).

Ticks are buffered per thread in C++ and drained to the file every sampler interval, so the
file grows with the run while memory stays flat. When a thread ticks faster than the drain
keeps up (more than the buffer holds in one interval), the excess ticks are counted, not
written: the count is in the file's otherData.dropped_ticks and printed at the end.
"""

from __future__ import annotations

import json
import os
import sys

from gxf.std import _std
from gxf.metrics.session import Output

__all__ = ["TraceWriter"]


class TraceWriter(Output):
    """Streams tick events to a Chrome trace JSON file."""

    needs_trace = True

    def __init__(self, path, report=None):
        self.path = path
        self.report = report if report is not None else sys.stderr
        self._file = None
        self._first = True
        self._threads = set()
        self.events = 0
        self.dropped = 0

    def open(self, session):
        """Create the file (raises OSError when it cannot be written)."""
        self._file = open(self.path, "w", encoding="utf-8")
        self._file.write('{"displayTimeUnit": "ns", "traceEvents": [\n')

    def _write(self, event):
        self._file.write(("" if self._first else ",\n") + json.dumps(event, separators=(",", ":")))
        self._first = False

    def update(self, session):
        """Append the ticks recorded since the last drain."""
        if session.snapshot is None:
            return
        threads, self.dropped = _std.metrics_drain_trace(session.context)
        codelets = session.snapshot["codelets"]
        start_ns = session.snapshot["start_ns"]
        pid = os.getpid()
        for tid, events in threads:
            self._threads.add(tid)
            for index, begin_ns, end_ns in events:
                codelet = codelets[index]
                self._write({"name": f"{codelet['entity']}/{codelet['name']}", "cat": "tick",
                             "ph": "X", "pid": pid, "tid": tid,
                             "ts": (begin_ns - start_ns) / 1e3, "dur": (end_ns - begin_ns) / 1e3,
                             "args": {"type": codelet["type"]}})
                self.events += 1

    def close(self, session):
        """Name the thread tracks, record drops and finish the JSON document."""
        pid = os.getpid()
        self._write({"name": "process_name", "ph": "M", "pid": pid,
                     "args": {"name": "gxe.py"}})
        for tid in sorted(self._threads):
            self._write({"name": "thread_name", "ph": "M", "pid": pid, "tid": tid,
                         "args": {"name": f"worker {tid}"}})
        self._file.write('\n], "otherData": ' + json.dumps({"dropped_ticks": self.dropped})
                         + "}\n")
        self._file.close()
        note = f"; {self.dropped:,} ticks dropped (buffer full)" if self.dropped else ""
        print(f"trace: {self.events:,} ticks written to {self.path}{note}", file=self.report,
              flush=True)
