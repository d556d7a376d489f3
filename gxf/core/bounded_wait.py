# SPDX-License-Identifier: Apache-2.0
"""Bounded waits on a graph: the blocking engine calls (waiting for a run, stopping a graph's
entities) run on a helper thread per context and call, and the caller waits for it with a
bound. Past the bound it gets a GraphTimeoutError naming the codelet calls still running, with
the Python stack of Python codelets, instead of blocking forever on a tick that never returns.

A call the caller gave up on keeps running; the next caller of the same call on the same
context waits for that one rather than starting a second.
"""

import sys
import threading
import time
import traceback

from gxf.core import _core
from gxf.core.errors import GraphTimeoutError, GxfError

__all__ = ["run_bounded", "interrupt_quietly", "running_calls_report"]

_POLL_S = 0.1
_calls = {}  # (context, name) -> _HelperCall not yet taken by a caller
_calls_lock = threading.Lock()


class _HelperCall:
    """One blocking engine call on a daemon thread; `finished` is set when it returns."""

    def __init__(self, function, context, name):
        self.finished = threading.Event()
        self.error = None
        threading.Thread(target=self._run, args=(function, context), daemon=True,
                         name=f"gxf-{name}").start()

    def _run(self, function, context):
        try:
            function(context)
        except BaseException as error:  # handed to the waiting caller
            self.error = error
        finally:
            self.finished.set()


def _helper_call(context, name, function):
    with _calls_lock:
        call = _calls.get((context, name))
        if call is None:
            call = _calls[(context, name)] = _HelperCall(function, context, name)
        return call


def _take(context, name, call):
    with _calls_lock:
        if _calls.get((context, name)) is call:
            del _calls[(context, name)]


def run_bounded(context, name, function, timeout=None, interrupt_grace=None, on_ctrl_c=None,
                interrupted=False):
    """Run `function(context)` on a helper thread and wait at most `timeout` s (None: no
    bound); raise what it raised, or GraphTimeoutError naming the codelet calls still running.

    The first Ctrl-C calls `on_ctrl_c(context)` and bounds the rest of the wait by
    `interrupt_grace` s (None: no bound); a second Ctrl-C raises KeyboardInterrupt at once.
    `interrupted`: the caller already handled a first Ctrl-C, so the grace bound starts now.
    """
    call = _helper_call(context, name, function)
    deadline = None if timeout is None else time.monotonic() + timeout
    bound = None if timeout is None else f"within {timeout:g} s"
    if interrupted:
        deadline, bound = _grace_bound(deadline, bound, interrupt_grace)
    # Waiting on an Event, not Thread.join: a KeyboardInterrupt inside join() can mark a live
    # thread as finished on some Python versions.
    while not call.finished.is_set():
        now = time.monotonic()
        if deadline is not None and now >= deadline:
            raise _timeout_error(context, bound)
        slice_s = _POLL_S if deadline is None else min(_POLL_S, deadline - now)
        try:
            call.finished.wait(slice_s)
        except KeyboardInterrupt:
            if interrupted or on_ctrl_c is None:
                raise
            interrupted = True
            on_ctrl_c(context)
            deadline, bound = _grace_bound(deadline, bound, interrupt_grace)
    _take(context, name, call)
    if call.error is not None:
        raise call.error


def _grace_bound(deadline, bound, interrupt_grace):
    """(deadline, its wording) once the graph was interrupted now: `interrupt_grace` s from
    now where that comes sooner than `deadline` (None: no grace bound)."""
    if interrupt_grace is None:
        return deadline, bound
    grace_end = time.monotonic() + interrupt_grace
    if deadline is not None and deadline <= grace_end:
        return deadline, bound
    return grace_end, f"within {interrupt_grace:g} s of the interrupt"


def interrupt_quietly(context):
    """Ask the graph to stop; a graph that is not running is left as it is."""
    try:
        _core.graph_interrupt(context)
    except GxfError:
        pass


def _timeout_error(context, bound):
    headline = f"the graph did not stop {bound}"
    calls = _core.graph_running_calls(context)
    message = f"GXF_NOT_FINISHED: {headline}; {running_calls_report(calls)}"
    return GraphTimeoutError(message, code="GXF_NOT_FINISHED", calls=calls)


def running_calls_report(calls):
    """Lines naming each running codelet call (file:line, entity, component, codelet, call)
    and, for Python codelets, the stack of the thread running it."""
    if not calls:
        return "no codelet call is running (the scheduler itself has not returned)"
    frames = sys._current_frames()
    lines = ["codelet calls still running:"]
    for call in calls:
        where = f"{call['source']}: " if call["source"] else ""
        codelet = call["type"]
        if call.get("codelet_name"):
            codelet += f", class {call['codelet_name']}"
            if call.get("codelet_file"):
                codelet += f" in {call['codelet_file']}"
        lines.append(f"  {where}entity '{call['entity']}', component '{call['component']}' "
                     f"({codelet}) is in {call['phase']}()")
        frame = frames.get(call["thread_id"])
        if frame is not None:
            lines.append("    Python stack (most recent call last):")
            for entry in traceback.format_stack(frame):
                lines.extend("    " + text for text in entry.rstrip().splitlines())
        elif call.get("codelet_name"):
            lines.append("    (waiting to enter Python: another Python codelet call holds it)")
    return "\n".join(lines)
