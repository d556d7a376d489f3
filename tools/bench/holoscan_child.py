#!/usr/bin/env python3
"""Run the Python ping once on Holoscan (Python operators on NVIDIA's real GXF runtime).

Runs under the reference venv's python (see refvenv.py).  Two Python operators, PingTx
(CountCondition of N ticks, emits 1..N) and PingRx (receives, counts and sums them), joined
by one flow; scheduler greedy, multithread or eventbased (2 workers).  Prints one result line
(protocol.py).

The timed window, ``run_s``, is the graph run as GXF schedules it: from the first operator
start() to the last operator stop() (app.run() as a whole also composes, initialises and
activates the graph; it is reported as ``app_run_s``).  Every run checks that rx got N
messages whose values sum to N(N+1)/2.

    python holoscan_child.py --count 10000 --scheduler greedy
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import protocol  # noqa: E402
import refvenv  # noqa: E402

STACK_BYTES = 32 * 1024 * 1024  # Holoscan warns below a 32 MiB stack


def raise_stack_limit() -> None:
    """Raise the soft stack limit to 32 MiB where the hard limit allows."""
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
        if soft != resource.RLIM_INFINITY and soft < STACK_BYTES and (
                hard == resource.RLIM_INFINITY or hard >= STACK_BYTES):
            resource.setrlimit(resource.RLIMIT_STACK, (STACK_BYTES, hard))
    except (ValueError, OSError):
        pass


def preload_cudart() -> None:
    """Load libcudart.so.12 globally so Holoscan's GXF libraries resolve it."""
    path = refvenv.cudart_path()
    if path:
        ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)


class Stamps:
    """What the operators record: window ends and what rx received."""

    def __init__(self):
        self.first_start = None
        self.last_stop = None
        self.received = 0
        self.total = 0

    def started(self) -> None:
        """Note an operator start()."""
        if self.first_start is None:
            self.first_start = time.perf_counter()

    def stopped(self) -> None:
        """Note an operator stop()."""
        self.last_stop = time.perf_counter()


def make_tx(stamps: Stamps):
    """The PingTx Python operator class: emits 1, 2, 3, ... one per compute()."""
    from holoscan.core import Operator

    class PingTx(Operator):
        """Emits an increasing int on 'out'."""

        def setup(self, spec):
            """One output port."""
            spec.output("out")

        def start(self):
            """Note the start; reset the counter."""
            stamps.started()
            self.value = 0

        def compute(self, op_input, op_output, context):
            """Emit the next value."""
            self.value += 1
            op_output.emit(self.value, "out")

        def stop(self):
            """Note the stop."""
            stamps.stopped()

    return PingTx


def make_rx(stamps: Stamps):
    """The PingRx Python operator class: receives one value per compute(), counts and sums."""
    from holoscan.core import Operator

    class PingRx(Operator):
        """Receives from 'in' into the stamps."""

        def setup(self, spec):
            """One input port."""
            spec.input("in")

        def start(self):
            """Note the start."""
            stamps.started()

        def compute(self, op_input, op_output, context):
            """Receive one value."""
            stamps.received += 1
            stamps.total += op_input.receive("in")

        def stop(self):
            """Note the stop."""
            stamps.stopped()

    return PingRx


def make_app(count: int, scheduler: str, workers: int, stamps: Stamps):
    """A Holoscan Application: PingTx (CountCondition count) -> PingRx, scheduler set."""
    from holoscan.conditions import CountCondition
    from holoscan.core import Application
    from holoscan.schedulers import EventBasedScheduler, GreedyScheduler, MultiThreadScheduler

    ping_tx, ping_rx = make_tx(stamps), make_rx(stamps)

    class PingApp(Application):
        """tx -> rx."""

        def compose(self):
            """Two operators, one flow."""
            tx = ping_tx(self, CountCondition(self, count), name="tx")
            rx = ping_rx(self, name="rx")
            self.add_flow(tx, rx)

    app = PingApp()
    if scheduler == "greedy":
        app.scheduler(GreedyScheduler(app, name="sched", stop_on_deadlock=True))
    elif scheduler == "multithread":
        app.scheduler(MultiThreadScheduler(app, name="sched", worker_thread_number=workers,
                                           check_recession_period_ms=0, stop_on_deadlock=True))
    else:
        app.scheduler(EventBasedScheduler(app, name="sched", worker_thread_number=workers,
                                          stop_on_deadlock=True))
    return app


def run_once(args) -> dict:
    """Build and run the app once; return the result dict."""
    raise_stack_limit()
    preload_cudart()
    import holoscan
    from holoscan.logger import LogLevel, set_log_level

    set_log_level(LogLevel.WARN)
    stamps = Stamps()
    app = make_app(args.count, args.scheduler, args.workers, stamps)
    t0 = time.perf_counter()
    app.run()
    app_run_s = time.perf_counter() - t0
    n = args.count
    received_ok = stamps.received == n and stamps.total == n * (n + 1) // 2
    have_window = stamps.first_start is not None and stamps.last_stop is not None
    return {"engine": "holoscan", "holoscan": holoscan.__version__,
            "stages": {"app_run": protocol.SUCCESS},
            "run_s": stamps.last_stop - stamps.first_start if have_window else None,
            "app_run_s": app_run_s, "received": stamps.received,
            "check": {"expected": n, "got": stamps.received, "ok": received_ok},
            "ok": received_ok and have_window}


def main(argv=None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--scheduler", choices=["greedy", "multithread", "ebs"], default="greedy")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    try:
        result = run_once(args)
    except Exception as e:  # report, don't crash: the parent shows the error
        result = {"engine": "holoscan", "ok": False, "error": f"{type(e).__name__}: {e}"}
    protocol.emit(result)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
