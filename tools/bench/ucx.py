#!/usr/bin/env python3
"""UCX between two processes on 127.0.0.1, our engine and real GXF 5.7.1 each on both sides:
throughput of 1 MB host tensors and the round-trip latency of small messages.

    python tools/bench/ucx.py                  # both engines, 3 runs per point (~3 min)
    python tools/bench/ucx.py --reps 1 --ours-only

Both engines run the same graph files (graphs/ucx_*.yaml, loaded with graphs/ucx_common.yaml):

* throughput: ucx_tensor_tx.yaml (EntityReplayer replays a recording of 1 MB float32 host
  tensors, one per message, into a UcxTransmitter) -> ucx_tensor_rx.yaml (UcxReceiver ->
  sample PingRx). The receiver starts first; once it listens, the sender starts. The time is
  the sender's graph run plus its deactivation (GXF sends synchronously, enable_async: false;
  ours queues and its deactivation waits for the queue), so every message has reached the
  receiver's memory (rendezvous completion) when it stops. The same is run with `--small`
  and `--large` messages; MB/s = (large - small) / (time(large) - time(small)), which
  removes what does not grow with the count (connection, start, stop). The replayer's read
  of each message from the recording (page cache) is part of both engines' time.
* latency: ucx_pinger.yaml sends one small message (sample PingTx, no tensor) to
  ucx_echo.yaml, which sends it back (std Gather); the pinger's std Forward sends it again,
  `count` round trips with one message in flight. Mean round trip = the same slope over two
  counts. Per-message round trips (p50 / p99) need a clock per message, which GXF's wheel
  cannot give (no Python codelets, no trace): they come from our pinger's tick trace (the
  begin of one Forward tick to the next is one round trip, steady clock of one process),
  once against our echo and once against GXF's echo (our side then loads GXF's UCX 1.20,
  as cross-engine UCX needs, see tests/ucx/test_ucx_gxf.py).

Every run checks both processes exit 0 (their counts reached). All traffic stays on
127.0.0.1 (ports 13410-13412). GXF comes from the bench's reference venv (refvenv.py).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import protocol  # noqa: E402
import refvenv  # noqa: E402

GRAPHS = os.path.join(HERE, "graphs")
COMMON = os.path.join(GRAPHS, "ucx_common.yaml")
PORTS = {"tensor_rx": [13410], "echo": [13411, 13412]}
TENSOR_BYTES = 1 << 20
MANIFEST = """extensions:
- gxf/std/libgxf_std.so
- gxf/sample/libgxf_sample.so
- gxf/serialization/libgxf_serialization.so
- gxf/ucx/libgxf_ucx.so
"""
GXF_EXTENSIONS = ["cuda", "serialization", "multimedia", "ucx"]


def listening(port: int) -> bool:
    """Whether something listens on TCP 127.0.0.1:port (read from /proc, no connection made:
    a stray connection would reach the UCX listener as a peer)."""
    wanted = f"{port:04X}"
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as stream:
                for line in stream.readlines()[1:]:
                    fields = line.split()
                    if fields[1].rsplit(":", 1)[1] == wanted and fields[3] == "0A":
                        return True
        except OSError:
            continue
    return False


class Engine:
    """Starts one side of a pair on one engine through its bench child."""

    def __init__(self, name: str, work: str, env: dict | None = None):
        self.name = name
        # Runs follow each other on the same ports: listeners must bind while the last run's
        # connections linger in TIME_WAIT (ours sets this itself; GXF does not).
        self.env = {**os.environ, "UCX_TCP_CM_REUSEADDR": "y", **(env or {})}
        if name == "ours":
            self.manifest = os.path.join(work, "manifest_ucx.yaml")
            with open(self.manifest, "w", encoding="utf-8") as stream:
                stream.write(MANIFEST)

    def start(self, graph: str, params: list[str], trace: str | None = None):
        """Popen of the child running graphs/<graph>.yaml + ucx_common.yaml."""
        files = [os.path.join(GRAPHS, f"ucx_{graph}.yaml"), COMMON]
        if self.name == "gxf":
            command = [refvenv.venv_python(), os.path.join(HERE, "gxf_child.py"), "--timeout",
                       "100", *[f"--ext={ext}" for ext in GXF_EXTENSIONS]]
        else:
            command = [sys.executable, os.path.join(HERE, "ours_child.py"), "--timeout", "100",
                       "--manifest", self.manifest]
            if trace:
                command += ["--trace", trace]
        for path in files:
            command += ["--graph", path]
        command += [f"--param={param}" for param in params]
        # Not in a session of its own: in our runs GXF's UCX receiver then never took a
        # message (the sender's first rendezvous stalled until the receiver stopped as
        # deadlocked).
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, env=self.env)


def run_pair(server: Engine, client: Engine, server_graph: str, client_graph: str,
             server_params: list[str], client_params: list[str], trace: str | None = None):
    """Start the listening side, then the other; the client's result (run + deactivate s)."""
    for port in PORTS[server_graph]:
        if listening(port):
            raise SystemExit(f"port {port} is in use on 127.0.0.1; stop what holds it")
    first = server.start(server_graph, server_params)
    deadline = time.monotonic() + 60
    while not all(listening(port) for port in PORTS[server_graph]):
        if first.poll() is not None or time.monotonic() > deadline:
            first.kill()
            raise SystemExit(f"{server.name} {server_graph} did not listen:\n"
                             + first.communicate()[0][-2000:])
        time.sleep(0.02)
    # A listener is up during activation, before the run: GXF's receiver missed the event of
    # a message that came before its run had started (never ticked, then stopped as
    # deadlocked); 2 s lets its run start first.
    time.sleep(2.0)
    second = client.start(client_graph, client_params, trace)
    outputs = {}
    for name, process in (("client", second), ("server", first)):
        try:
            outputs[name] = process.communicate(timeout=120)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            outputs[name] = process.communicate()[0] + "\n(killed after 120 s)"
    for name, process in (("client", second), ("server", first)):
        if process.returncode != 0:
            raise SystemExit(f"{name} side ({graph_of(name, server_graph, client_graph)}) "
                             f"failed (exit {process.returncode}):\n{outputs[name][-3000:]}"
                             f"\n-- the other side:\n"
                             f"{outputs['server' if name == 'client' else 'client'][-3000:]}")
    result = protocol.parse(outputs["client"])
    if not result or not result.get("ok"):
        raise SystemExit(f"client side gave no result:\n{outputs['client'][-3000:]}")
    return result["run_s"] + result["deactivate_s"]


def graph_of(name, server_graph, client_graph):
    """The graph a side ran."""
    return server_graph if name == "server" else client_graph


def write_recording(directory: str, count: int) -> None:
    """`count` messages of one 1 MB float32 host tensor each, as EntityRecorder writes."""
    from gxf.testing.entity_file import write_entities
    from gxf.testing.messages import Message

    elements = TENSOR_BYTES // 4
    write_entities(os.path.join(directory, "ucx_bench"),
                   [Message({"tensor": np.full(elements, i, dtype=np.float32)}, acqtime=i)
                    for i in range(count)], system_memory=True)


def throughput(engine: Engine, small: int, large: int, reps: int, recording: str) -> dict:
    """MB/s of 1 MB messages, one engine on both sides (slope over two counts)."""
    times = {small: [], large: []}
    for _ in range(reps):
        for count in (small, large):
            times[count].append(run_pair(
                engine, engine, "tensor_rx", "tensor_tx", [f"rx/count/count={count}"],
                [f"tx/count/count={count}", f"tx/replayer/directory={recording}"]))
    slope = (statistics.median(times[large]) - statistics.median(times[small])) / (large - small)
    return {"mb_per_s": TENSOR_BYTES / slope / 1e6, "ms_per_message": slope * 1e3,
            "times_s": times}


def round_trip(engine: Engine, small: int, large: int, reps: int) -> dict:
    """Mean round-trip time of a small message, one engine on both sides (slope)."""
    times = {small: [], large: []}
    for _ in range(reps):
        for count in (small, large):
            times[count].append(run_pair(engine, engine, "echo", "pinger",
                                         [f"echo/count/count={count}"],
                                         [f"loop/count/count={count}"]))
    slope = (statistics.median(times[large]) - statistics.median(times[small])) / (large - small)
    return {"mean_us": slope * 1e6, "times_s": times}


def traced_round_trips(pinger: Engine, echo: Engine, count: int, work: str) -> dict:
    """Per-message round trips from our pinger's tick trace: p50, p99 (us)."""
    trace = os.path.join(work, "pinger_trace.json")
    run_pair(echo, pinger, "echo", "pinger", [f"echo/count/count={count}"],
             [f"loop/count/count={count}"], trace=trace)
    with open(trace, encoding="utf-8") as stream:
        events = json.load(stream)["traceEvents"]
    begins = sorted(event["ts"] for event in events if event.get("name") == "loop/forward")
    if len(begins) != count:
        raise SystemExit(f"the trace holds {len(begins)} Forward ticks, expected {count}")
    gaps = np.diff(begins)[count // 10:]  # the first 10%: connection and warm-up
    return {"p50_us": float(np.percentile(gaps, 50)), "p99_us": float(np.percentile(gaps, 99)),
            "mean_us": float(gaps.mean()), "samples": int(gaps.size)}


def gxf_ucp() -> str | None:
    """GXF's own libucp.so.0 (UCX 1.20) in the reference venv."""
    lib = refvenv.gxf_lib_dir()
    found = glob.glob(os.path.join(lib, "libucp.so.0")) if lib else []
    return found[0] if found else None


def main(argv=None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reps", type=int, default=3, help="runs per point (median)")
    ap.add_argument("--small", type=int, default=20, help="1 MB messages, short run")
    ap.add_argument("--large", type=int, default=300, help="1 MB messages, long run")
    ap.add_argument("--rt-small", type=int, default=200, help="round trips, short run")
    ap.add_argument("--rt-large", type=int, default=3000, help="round trips, long run")
    ap.add_argument("--ours-only", action="store_true", help="no reference GXF side")
    ap.add_argument("--json", default=None, metavar="FILE", help="write the figures here")
    args = ap.parse_args(argv)
    engines = ["ours"] if args.ours_only else ["gxf", "ours"]
    if not args.ours_only:
        refvenv.ensure_venv()
    results: dict = {"load": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="ucx-bench-") as work:
        write_recording(work, args.large)
        sides = {name: Engine(name, work) for name in engines}
        for name in engines:
            results[name] = {
                "throughput": throughput(sides[name], args.small, args.large, args.reps, work),
                "round_trip": round_trip(sides[name], args.rt_small, args.rt_large, args.reps)}
            print(f"{name}: {results[name]['throughput']['mb_per_s']:.0f} MB/s, round trip "
                  f"{results[name]['round_trip']['mean_us']:.1f} us", file=sys.stderr,
                  flush=True)
        results["ours"]["traced"] = traced_round_trips(sides["ours"], sides["ours"],
                                                       args.rt_large, work)
        if not args.ours_only and gxf_ucp():
            # Cross-engine: our pinger on GXF's UCX 1.20 against GXF's echo.
            pinger = Engine("ours", work, {"GXF_UCX_LIBRARY": gxf_ucp()})
            results["gxf"]["traced"] = traced_round_trips(pinger, sides["gxf"], args.rt_large,
                                                          work)
    results["load_after"] = os.getloadavg()
    print_table(results, engines, args)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as stream:
            json.dump(results, stream, indent=1)
    return 0


def print_table(results: dict, engines: list[str], args) -> None:
    """The figures, side by side, with ratios ours/GXF."""
    print(f"load average before {results['load'][0]:.1f}, after {results['load_after'][0]:.1f}")
    print(f"{'':44} " + " ".join(f"{name:>10}" for name in engines)
          + ("  ours/GXF" if len(engines) == 2 else ""))
    rows = [
        (f"1 MB tensors, MB/s ({args.small}->{args.large} msgs)",
         lambda r: r["throughput"]["mb_per_s"], "{:10.0f}"),
        ("  ms per 1 MB message", lambda r: r["throughput"]["ms_per_message"], "{:10.3f}"),
        (f"round trip mean us ({args.rt_small}->{args.rt_large})",
         lambda r: r["round_trip"]["mean_us"], "{:10.1f}"),
        ("round trip p50 us (our pinger's trace)", lambda r: r.get("traced", {}).get("p50_us"),
         "{:10.1f}"),
        ("round trip p99 us (our pinger's trace)", lambda r: r.get("traced", {}).get("p99_us"),
         "{:10.1f}"),
    ]
    for label, get, fmt in rows:
        values = [get(results[name]) for name in engines]
        cells = " ".join(fmt.format(v) if v is not None else f"{'n/a':>10}" for v in values)
        ratio = ""
        if len(values) == 2 and None not in values:
            ratio = f"  {values[1] / values[0]:8.2f}"
        print(f"{label:44} {cells}{ratio}")
    if "gxf" in engines:
        print("(GXF's p50/p99: our pinger, on GXF's UCX 1.20, against GXF's echo)")


if __name__ == "__main__":
    sys.exit(main())
