# SPDX-License-Identifier: Apache-2.0
"""A metrics session: enable collection on an activated graph, poll snapshots on a thread and
hand each one to the outputs (live table, Prometheus, trace file, dashboard).

    with MetricsSession(context, [LiveTable()]):
        core.graph_run_async(context); core.graph_wait(context)

Leave the block before the graph is deactivated: the last snapshot is taken on the way out.
"""

from __future__ import annotations

import threading

from gxf.std import _std
from gxf.core.errors import GxfError
from gxf.metrics.stats import view

__all__ = ["MetricsSession", "Output"]


class Output:
    """Where a session sends its snapshots. Subclasses override what they need."""

    needs_trace = False

    def open(self, session):
        """Called once before the first snapshot (start servers here)."""

    def update(self, session):
        """Called on the sampler thread after each snapshot."""

    def close(self, session):
        """Called once after the final snapshot (stop servers, flush files)."""


class MetricsSession:
    """Collects the metrics of one graph run and feeds them to outputs every `interval` s."""

    def __init__(self, context, outputs=(), interval=0.5, sample_period=64,
                 trace_capacity=1 << 16):
        self.context = context
        self.outputs = list(outputs)
        self.interval = interval
        self.sample_period = sample_period
        self.trace = any(output.needs_trace for output in self.outputs)
        self.trace_capacity = trace_capacity
        self.snapshot = None   # latest raw snapshot
        self.previous = None   # the one before it (the live window)
        self.final = False     # True for the last update
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = None

    def view(self, windowed=True):
        """Rows of the latest snapshot: over the last interval, or since the start."""
        with self._lock:
            snapshot, previous = self.snapshot, self.previous
        if snapshot is None:
            return None
        return view(snapshot, previous if windowed else None)

    def poll(self):
        """Take a snapshot now and update every output."""
        try:
            snapshot = _std.metrics_snapshot(self.context)
        except GxfError:
            return  # the graph was deactivated under us (a failed run): keep the last one
        with self._lock:
            self.previous, self.snapshot = self.snapshot, snapshot
        for output in self.outputs:
            output.update(self)

    def start(self):
        """Enable collection and start polling."""
        _std.metrics_enable(self.context, sample_period=self.sample_period, trace=self.trace,
                             trace_capacity=self.trace_capacity)
        # Outputs open knowing the graph's rows (the dashboard matches its picture to them).
        self.snapshot = _std.metrics_snapshot(self.context)
        opened = []
        try:
            for output in self.outputs:
                output.open(self)
                opened.append(output)
        except BaseException:
            for output in opened:
                output.close(self)
            raise
        self.poll()
        self._thread = threading.Thread(target=self._run, name="gxf-metrics", daemon=True)
        self._thread.start()
        return self

    def _run(self):
        while not self._stop.wait(self.interval):
            self.poll()

    def stop(self):
        """Stop polling, take the final snapshot and close every output."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.final = True
        self.poll()
        for output in self.outputs:
            output.close(self)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False
