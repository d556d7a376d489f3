#!/usr/bin/env python3
"""Run one graph once on OUR engine through its GXF-compatible Python API (gxf.core).

Runs under the project's python (sys.executable of the bench runner).  Same stages and
result line as gxf_child.py: context_create, load_extensions (manifest_ours.yaml),
load_graph (every --graph in order, each with all --param overrides), activate, run_async +
wait (timed: ``run_s``), deactivate, context_destroy.  An exception in a stage is recorded
as ``"<ExceptionType>: <message>"`` for that stage and stops the run.

With --pyrx-check, the Python ping's rx codelet writes its received count to a temporary
file (GXF_BENCH_PYRX_OUT) and the result carries ``check``.

    python ours_child.py --graph graphs/ping.yaml --graph graphs/sched_greedy.yaml \\
        --param tx/count/count=1000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import protocol  # noqa: E402

MANIFEST = os.path.join(HERE, "manifest_ours.yaml")
PYRX_ENV = "GXF_BENCH_PYRX_OUT"


def describe(exc: BaseException) -> str:
    """One-line text of an exception."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:400]


class Runner:
    """Runs the stages of one graph run on our engine, recording each outcome."""

    def __init__(self, core):
        self.core = core
        self.ctx = None
        self.stages: dict[str, str] = {}

    def stage(self, name: str, fn) -> bool:
        """Call fn(); record GXF_SUCCESS or the exception text. True on success."""
        try:
            fn()
        except Exception as e:  # the engine raises ValueError subclasses; report any
            self.stages[name] = describe(e)
            return False
        self.stages[name] = protocol.SUCCESS
        return True

    def create(self) -> bool:
        """context_create."""
        def make():
            """Create and keep the context."""
            self.ctx = self.core.context_create()
            # Same severity as the GXF side: sample PingTx/PingRx log every message at info.
            self.core.gxf_set_severity(self.ctx, 2)
        return self.stage("context_create", make)

    def load(self, graphs: list[str], params: list[str], manifest: str = MANIFEST) -> bool:
        """load_extensions from the manifest, then graph_load_file for each file."""
        if not self.stage("load_extensions", lambda: self.core.load_extensions(
                self.ctx, manifest_filenames=[manifest])):
            return False
        for path in graphs:
            if not self.stage("load_graph", lambda p=path: self.load_file(p, params)):
                self.stages["load_graph"] += f" ({os.path.basename(path)})"
                return False
        return True

    def load_file(self, path: str, params: list[str]) -> None:
        """graph_load_file with overrides (plain call when there are none)."""
        if params:
            self.core.graph_load_file(self.ctx, path, overrides=list(params))
        else:
            self.core.graph_load_file(self.ctx, path)

    def run_graph(self, timeout_s: float) -> tuple[float, bool]:
        """graph_run_async + graph_wait, timed; interrupts after timeout_s if possible."""
        fired = threading.Event()
        interrupt = getattr(self.core, "graph_interrupt", None)

        def on_timeout():
            """Mark the timeout; interrupt the graph if the engine can."""
            fired.set()
            if interrupt:
                interrupt(self.ctx)

        timer = threading.Timer(timeout_s, on_timeout)
        timer.daemon = True
        timer.start()
        t0, cpu0 = time.perf_counter(), time.process_time()
        if self.stage("run_async", lambda: self.core.graph_run_async(self.ctx)):
            self.stage("wait", lambda: self.core.graph_wait(self.ctx))
        run_s = time.perf_counter() - t0
        # CPU seconds of every thread of the process during the run: less disturbed than
        # wall time by other load on a shared machine.
        self.run_cpu_s = time.process_time() - cpu0
        timer.cancel()
        return run_s, fired.is_set()

    def finish(self) -> None:
        """graph_deactivate (if activated) and context_destroy (if created)."""
        if self.stages.get("activate") == protocol.SUCCESS:
            t0 = time.perf_counter()
            self.stage("deactivate", lambda: self.core.graph_deactivate(self.ctx))
            self.deactivate_s = time.perf_counter() - t0
        if self.ctx is not None:
            self.stage("context_destroy", lambda: self.core.context_destroy(self.ctx))


def run_stages(core, args) -> dict:
    """Every stage on an imported gxf.core; returns the result dict."""
    r = Runner(core)
    result: dict = {"engine": "ours", "stages": r.stages}
    t0 = time.perf_counter()
    ready = r.create() and r.load(args.graph, args.param, args.manifest)
    result["load_s"] = time.perf_counter() - t0
    if ready and r.stage("activate", lambda: core.graph_activate(r.ctx)):
        if args.barrier:
            wait_at_barrier(args.barrier, args.timeout)
        session = (start_metrics(r, args.metrics_sample_period, args.trace)
                   if args.metrics or args.trace else None)
        result["run_s"], result["timed_out"] = r.run_graph(args.timeout)
        result["run_cpu_s"] = r.run_cpu_s
        if session is not None:
            session.stop()
            result["metrics_ticks"] = {c["entity"]: c["ticks"]
                                       for c in session.snapshot["codelets"]}
    r.finish()
    if hasattr(r, "deactivate_s"):
        result["deactivate_s"] = r.deactivate_s
    result["ok"] = (protocol.all_stages_ok(r.stages) and "run_s" in result
                    and not result.get("timed_out"))
    return result


def barrier_spec(text: str) -> tuple[str, int]:
    """argparse type of --barrier: "DIR:COUNT", an existing folder and a count of at least 1."""
    directory, _, count = text.rpartition(":")
    if not os.path.isdir(directory) or not count.isdigit() or int(count) < 1:
        raise argparse.ArgumentTypeError(
            f"expected DIR:COUNT (an existing folder, a count >= 1), got {text!r}")
    return directory, int(count)


def wait_at_barrier(barrier: tuple[str, int], timeout: float) -> None:
    """Announce readiness in DIR and wait until COUNT processes have: copies started together
    begin their runs together, whatever their import and load times."""
    directory, count = barrier
    open(os.path.join(directory, f"ready.{os.getpid()}"), "w").close()
    deadline = time.monotonic() + timeout
    while sum(name.startswith("ready.") for name in os.listdir(directory)) < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"barrier {directory}:{count}: the other copies never became ready")
        time.sleep(0.0005)


def start_metrics(runner: Runner, sample_period: int, trace: str | None = None):
    """Metrics on, sampled every 0.5 s on a thread, as `gxe.py --stats live` runs them
    (with `trace`, every tick to that file as `gxe.py --trace` writes them)."""
    from gxf.metrics.session import MetricsSession

    if trace is None:
        return MetricsSession(runner.ctx, outputs=[], interval=0.5,
                              sample_period=sample_period).start()
    from gxf.metrics.trace import TraceWriter

    return MetricsSession(runner.ctx, outputs=[TraceWriter(trace, report=sys.stderr)],
                          interval=0.1, sample_period=sample_period,
                          trace_capacity=1 << 18).start()


def read_pyrx_check(path: str, expected: int) -> dict:
    """The rx codelet's received count compared with `expected`."""
    try:
        with open(path) as f:
            got = json.load(f).get("received")
    except (OSError, ValueError):
        got = None
    return {"expected": expected, "got": got, "ok": got == expected}


def run_once(args) -> dict:
    """Import our engine and run the graph once (optionally checking the Python rx count)."""
    try:
        import gxf.core as core
    except Exception as e:
        return {"engine": "ours", "ok": False, "stages": {"import": describe(e)},
                "error": f"cannot import gxf.core: {describe(e)}"}
    if args.pyrx_check is None:
        return run_stages(core, args)
    with tempfile.TemporaryDirectory() as td:
        out = os.path.join(td, "pyrx.json")
        os.environ[PYRX_ENV] = out
        result = run_stages(core, args)
        result["check"] = read_pyrx_check(out, args.pyrx_check)
    result["ok"] = result["ok"] and result["check"]["ok"]
    return result


def main(argv=None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", action="append", default=[], required=True)
    ap.add_argument("--param", action="append", default=[])
    ap.add_argument("--timeout", type=float, default=600.0)
    ap.add_argument("--pyrx-check", type=int, default=None, metavar="N",
                    help="expect the Python rx codelet to report N received messages")
    ap.add_argument("--metrics", action="store_true",
                    help="collect run-time metrics (gxf.metrics) during the run")
    ap.add_argument("--manifest", default=MANIFEST,
                    help="extension manifest (default: std, sample, python_codelet)")
    ap.add_argument("--trace", default=None, metavar="FILE.json",
                    help="write every tick to FILE.json (as gxe.py --trace)")
    ap.add_argument("--metrics-sample-period", type=int, default=64,
                    help="with --metrics: time one tick in this many")
    ap.add_argument("--barrier", type=barrier_spec, default=None, metavar="DIR:COUNT",
                    help="after activation, wait until COUNT copies are ready in DIR")
    args = ap.parse_args(argv)
    result = run_once(args)
    protocol.emit(result)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
