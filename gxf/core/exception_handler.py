# SPDX-License-Identifier: Apache-2.0
"""GXF's error reports for the graph API: `exception_handler` and the crash handler.

An exception escaping a method wrapped by `exception_handler` (Graph.run, load_extensions,
save, ...) is logged as a "GXF Python Exception Handler" report on the "Core" logger and the
process exits with status 1 (`SystemExit(1)`), as in GXF. The report names the exception and
where it came from; the original exception stays reachable:

    try:
        graph.run()
    except SystemExit as exit:
        error = exit.__cause__          # e.g. a gxf.core.GxfError with .code and .detail

or call the undecorated method: `Graph.run.__wrapped__(graph)` raises the error itself.
"""

import io
import signal
import sys
import threading
import traceback
from functools import wraps

from gxf.core import logger as log

__all__ = ["exception_handler", "crash_handler", "install_crash_handler"]

if not log.is_inited():
    log.init_logger()
_logger = log.get_logger("Core")


def _gxf_category(error):
    """The built-in class GXF would have raised (ValueError for every engine error): reports
    keep GXF's wording, the engine's own class is named on the next line."""
    for cls in type(error).__mro__:
        if cls.__module__ == "builtins":
            return cls.__name__
    return type(error).__name__


def exception_handler(func):
    """Decorator: log an escaping exception as GXF's report, then exit(1) chained to it."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - every failure becomes the report
            buffer = io.StringIO()
            buffer.write("\n==== GXF Python Exception Handler ====\n")
            buffer.write(f"Caught exception in {func.__name__}: "
                         f"{_gxf_category(error)}: {error}\n")
            cls = type(error)
            buffer.write(f"Exception class: {cls.__module__}.{cls.__qualname__}\n")
            buffer.write("\n==== Exception Handler Backtrace ====\n")
            traceback.print_exception(error, file=buffer)
            _logger.error(buffer.getvalue())
            raise SystemExit(1) from error

    return wrapper


def crash_handler(signum, frame):
    """Signal handler: log GXF's crash report with the Python stack, then exit(1)."""
    buffer = io.StringIO()
    buffer.write("\n==== GXF Python Crash Handler ====\n")
    buffer.write(f"Caught signal {signum} ({signal.Signals(signum).name})\n")
    buffer.write("\n==== Crash Handler Backtrace ====\n")
    traceback.print_stack(frame, file=buffer)
    _logger.error(buffer.getvalue())
    sys.exit(1)


def install_crash_handler():
    """Route SIGABRT to crash_handler (main thread only, as Python requires).

    SIGSEGV is left to faulthandler (enabled by gxf.core): a Python-level handler only runs
    after the C handler returns, and returning from a segmentation fault re-executes the
    faulting instruction, so the process would hang instead of reporting."""
    if threading.current_thread() is not threading.main_thread():
        return
    signal.signal(signal.SIGABRT, crash_handler)

