# SPDX-License-Identifier: Apache-2.0
"""Run a graph in-process with a timeout and look at what ran: ticks per codelet, entity
states, the stall report."""

import os
import threading

from gxf import core
from gxf.core import _core
from gxf.core.registry import load_packaged_extensions
from gxf.tools.explain import entity_states, format_report
from gxf.tools.graph_model import graph_from_context

__all__ = ["run_graph", "GraphRun", "GraphTimeout"]


class GraphTimeout(AssertionError):
    """The graph did not stop within the timeout; the message holds the stall report."""


class GraphRun:
    """What a finished run left: `ticks` {"entity/codelet": count}, `states` (EntityState per
    codelet entity, see gxf.tools.explain) and `report` (the stall report's text)."""

    def __init__(self, ticks, states, report):
        self.ticks = ticks
        self.states = states
        self.report = report

    def ticks_of(self, name):
        """Ticks of a codelet ('entity/codelet') or of an entity (its busiest codelet)."""
        if name in self.ticks:
            return self.ticks[name]
        counts = [count for node, count in self.ticks.items() if node.split("/", 1)[0] == name]
        if not counts:
            raise KeyError(f"no codelet or entity named '{name}'; codelets: "
                           f"{', '.join(sorted(self.ticks))}")
        return max(counts)

    def assert_ticks(self, expected):
        """Assert tick counts, {codelet or entity name: count}; the message shows them all."""
        wrong = {name: (self.ticks_of(name), count) for name, count in expected.items()
                 if self.ticks_of(name) != count}
        if wrong:
            lines = [f"  {name}: ticked {got}, expected {want}"
                     for name, (got, want) in wrong.items()]
            raise AssertionError("tick counts differ:\n" + "\n".join(lines) + "\n" + self.report)


def _load_extensions(context, manifests):
    if manifests:
        core.load_extensions(context, manifest_filenames=list(manifests))
    else:
        load_packaged_extensions(context)


def _wait(context, timeout):
    """Wait for the run; True if it ended by itself within `timeout` seconds."""
    outcome = {}
    finished = threading.Event()

    def wait():
        try:
            core.graph_wait(context)
        except BaseException as error:  # handed to the caller below
            outcome["error"] = error
        finally:
            finished.set()

    threading.Thread(target=wait, name="gxf-testing-wait", daemon=True).start()
    ended = finished.wait(timeout)
    if not ended:
        core.graph_interrupt(context)
        finished.wait()
    if "error" in outcome:
        raise outcome["error"]
    return ended


def _as_list(value):
    if value is None:
        return []
    return [value] if isinstance(value, (str, os.PathLike)) else list(value)


def run_graph(app, manifest=None, timeout=30.0, params=(), severity=1):
    """Load graph file(s) `app` (with `manifest`, else every built-in extension), run them to
    the end and return a GraphRun. A run still going after `timeout` seconds is interrupted
    and raises GraphTimeout with the stall report; a failing codelet raises its error."""
    context = core.context_create()
    try:
        core.gxf_set_severity(context, severity)
        _load_extensions(context, [str(m) for m in _as_list(manifest)])
        for path in _as_list(app):
            core.graph_load_file(context, str(path), overrides=list(params))
        core.graph_activate(context)
        core.graph_run_async(context)
        ended = _wait(context, timeout)
        graph = graph_from_context(context)
        states = entity_states(context, graph)
        ticks = {node: count for state in states for node, _, count in state.codelets}
        if not ended:
            raise GraphTimeout(f"the graph did not stop within {timeout} s\n" +
                               format_report(states, f"interrupted after {timeout} s"))
        run = GraphRun(ticks, states, format_report(states, "the graph stopped"))
        core.graph_deactivate(context)
        return run
    finally:
        core.context_destroy(context)
