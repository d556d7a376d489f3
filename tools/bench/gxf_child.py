#!/usr/bin/env python3
"""Run one graph once on NVIDIA's real GXF runtime through its C API (ctypes).

Runs under the reference venv's python (see refvenv.py).  Loads libcudart.so.12 globally,
then libgxf_core.so, loads the std and sample extensions, loads every --graph file in order
with the --param overrides (GXF's ``entity/component/key=value``), activates, times
GxfGraphRunAsync + GxfGraphWait, deactivates and destroys the context.  Prints one result
line (protocol.py) with each stage's result string and ``run_s``.

    python gxf_child.py --graph graphs/ping.yaml --graph graphs/sched_greedy.yaml \\
        --param tx/count/count=1000
"""

from __future__ import annotations

import argparse
import ctypes
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import protocol  # noqa: E402
import refvenv  # noqa: E402

EXTENSIONS = ("libgxf_std.so", "libgxf_sample.so")
SEVERITY_WARNING = 2  # sample PingTx/PingRx log every message at info


class LoadExtensionsInfo(ctypes.Structure):
    """GXF's GxfLoadExtensionsInfo."""

    _fields_ = [
        ("extension_filenames", ctypes.POINTER(ctypes.c_char_p)),
        ("extension_filenames_count", ctypes.c_uint32),
        ("manifest_filenames", ctypes.POINTER(ctypes.c_char_p)),
        ("manifest_filenames_count", ctypes.c_uint32),
        ("base_directory", ctypes.c_char_p),
    ]


_SIGNATURES = {
    "GxfResultStr": (ctypes.c_char_p, [ctypes.c_int]),
    "GxfContextCreate": (ctypes.c_int, [ctypes.POINTER(ctypes.c_void_p)]),
    "GxfContextDestroy": (ctypes.c_int, [ctypes.c_void_p]),
    "GxfSetSeverity": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int]),
    "GxfLoadExtensions": (ctypes.c_int, [ctypes.c_void_p, ctypes.POINTER(LoadExtensionsInfo)]),
    "GxfGraphLoadFile": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p,
                                        ctypes.POINTER(ctypes.c_char_p), ctypes.c_uint32]),
    "GxfGraphActivate": (ctypes.c_int, [ctypes.c_void_p]),
    "GxfGraphRunAsync": (ctypes.c_int, [ctypes.c_void_p]),
    "GxfGraphWait": (ctypes.c_int, [ctypes.c_void_p]),
    "GxfGraphInterrupt": (ctypes.c_int, [ctypes.c_void_p]),
    "GxfGraphDeactivate": (ctypes.c_int, [ctypes.c_void_p]),
}


def c_strings(items: list[str]):
    """A (char**, count) pair for a list of str; (None, 0) when empty."""
    if not items:
        return None, 0
    arr = (ctypes.c_char_p * len(items))(*[s.encode() for s in items])
    return ctypes.cast(arr, ctypes.POINTER(ctypes.c_char_p)), len(items)


def load_core(lib_dir: str, cudart: str | None):
    """Load libcudart (global), libgxf_core.so and declare the C API used here."""
    if cudart:
        ctypes.CDLL(cudart, mode=ctypes.RTLD_GLOBAL)
    logger = os.path.join(lib_dir, "libgxf_logger.so")
    if os.path.exists(logger):
        ctypes.CDLL(logger, mode=ctypes.RTLD_GLOBAL)
    lib = ctypes.CDLL(os.path.join(lib_dir, "libgxf_core.so"), mode=ctypes.RTLD_GLOBAL)
    for name, (restype, argtypes) in _SIGNATURES.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = restype, argtypes
    return lib


class Runner:
    """Runs the stages of one graph run, recording each result string."""

    def __init__(self, lib):
        self.lib = lib
        self.ctx = ctypes.c_void_p()
        self.stages: dict[str, str] = {}

    def result_str(self, code: int) -> str:
        """GxfResultStr as a Python str."""
        s = self.lib.GxfResultStr(code)
        return s.decode() if s else f"GXF_RESULT_{code}"

    def stage(self, name: str, code: int) -> bool:
        """Record one stage's result; True on success."""
        self.stages[name] = self.result_str(code)
        return code == 0

    def load_extensions(self, lib_dir: str, extra: list[str] = ()) -> bool:
        """GxfLoadExtensions with the std and sample extension libraries (and `extra`, names
        such as ucx for libgxf_ucx.so, in the order given)."""
        libraries = list(EXTENSIONS) + [f"libgxf_{name}.so" for name in extra]
        names, count = c_strings([os.path.join(lib_dir, e) for e in libraries])
        info = LoadExtensionsInfo(names, count, None, 0, None)
        return self.stage("load_extensions",
                          self.lib.GxfLoadExtensions(self.ctx, ctypes.byref(info)))

    def load_graphs(self, graphs: list[str], params: list[str]) -> bool:
        """GxfGraphLoadFile for each file in order, every file given all overrides."""
        arr, count = c_strings(params)
        for path in graphs:
            code = self.lib.GxfGraphLoadFile(self.ctx, path.encode(), arr, count)
            if not self.stage("load_graph", code):
                self.stages["load_graph"] += f" ({os.path.basename(path)})"
                return False
        return True

    def run_graph(self, timeout_s: float) -> tuple[float, bool]:
        """RunAsync + Wait, timed; interrupts after timeout_s. Returns (seconds, timed_out)."""
        fired = threading.Event()

        def interrupt():
            """Mark the timeout; interrupt the graph."""
            fired.set()
            self.lib.GxfGraphInterrupt(self.ctx)

        timer = threading.Timer(timeout_s, interrupt)
        timer.daemon = True
        timer.start()
        t0 = time.perf_counter()
        ok = self.stage("run_async", self.lib.GxfGraphRunAsync(self.ctx))
        if ok:
            self.stage("wait", self.lib.GxfGraphWait(self.ctx))
        run_s = time.perf_counter() - t0
        timer.cancel()
        return run_s, fired.is_set()


def run_once(args) -> dict:
    """Load, activate, run (timed), deactivate, destroy. Returns the result dict."""
    lib_dir = refvenv.gxf_lib_dir()
    if lib_dir is None:
        return {"ok": False, "error": f"no GXF libraries in {refvenv.venv_dir()}"}
    r = Runner(load_core(lib_dir, refvenv.cudart_path()))
    result: dict = {"engine": "gxf", "stages": r.stages}
    if not r.stage("context_create", r.lib.GxfContextCreate(ctypes.byref(r.ctx))):
        return {**result, "ok": False}
    r.lib.GxfSetSeverity(r.ctx, args.severity)
    t0 = time.perf_counter()
    ready = (r.load_extensions(lib_dir, args.ext) and r.load_graphs(args.graph, args.param))
    result["load_s"] = time.perf_counter() - t0
    if ready and r.stage("activate", r.lib.GxfGraphActivate(r.ctx)):
        result["run_s"], result["timed_out"] = r.run_graph(args.timeout)
        t0 = time.perf_counter()
        r.stage("deactivate", r.lib.GxfGraphDeactivate(r.ctx))
        result["deactivate_s"] = time.perf_counter() - t0
    r.stage("context_destroy", r.lib.GxfContextDestroy(r.ctx))
    result["ok"] = (protocol.all_stages_ok(r.stages) and "run_s" in result
                    and not result.get("timed_out"))
    return result


def main(argv=None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", action="append", default=[], required=True)
    ap.add_argument("--param", action="append", default=[])
    ap.add_argument("--timeout", type=float, default=600.0)
    ap.add_argument("--severity", type=int, default=SEVERITY_WARNING)
    ap.add_argument("--ext", action="append", default=[],
                    help="one more extension of the wheel by short name (cuda, serialization, "
                         "multimedia, ucx: UCX needs the three before it)")
    args = ap.parse_args(argv)
    result = run_once(args)
    protocol.emit(result)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
