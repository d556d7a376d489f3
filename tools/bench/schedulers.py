#!/usr/bin/env python3
"""Scheduler throughput and idle cost on OUR engine only.

    python tools/bench/schedulers.py                  # 4 chains x 20,000 messages, median of 3
    python tools/bench/schedulers.py --n 5000 --reps 1 --workers 1 2

Throughput: 4 independent chains of native codelets (PingTx -> Forward -> Forward -> PingRx,
capacity-1 queues with back-pressure), under the MultiThreadScheduler
(check_recession_period_ms 0, as GXF's own benchmarks) and the EventBasedScheduler with 1, 2
and 4 worker threads, plus the GreedyScheduler as the single-thread reference. Reported:
messages per second delivered end to end (chains x N / run time), run time = graph_run_async
to graph_wait. Every run is verified first by JobStatistics: each entity ticked N times.

Idle: a 100 ms PingTx -> PingRx graph that never ends; the process's CPU time over a 3 s
window while the graph waits on the periodic term (share of one core), per scheduler (the
MultiThreadScheduler with its default 5 ms recession period: it polls).

Each measurement runs in a fresh process (this script with --child).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "manifest_ours.yaml")
SCHEDULERS = {
    "greedy": "nvidia::gxf::GreedyScheduler",
    "multi_thread": "nvidia::gxf::MultiThreadScheduler",
    "event_based": "nvidia::gxf::EventBasedScheduler",
}


def scheduler_document(kind, workers, stats_path=None, endless=False):
    """YAML of the scheduler entity. Throughput runs poll with a zero recession period (as
    GXF's benchmarks do); the endless idle graph keeps the default of 5 ms."""
    lines = ["name: scheduler", "components:", "- name: clock",
             "  type: nvidia::gxf::RealtimeClock", f"- type: {SCHEDULERS[kind]}",
             "  parameters:", "    clock: clock"]
    if kind != "greedy":
        lines.append(f"    worker_thread_number: {workers}")
    if kind == "multi_thread" and not endless:
        lines.append("    check_recession_period_ms: 0")
    if endless:
        lines.append("    stop_on_deadlock: false")
    if stats_path:
        lines += ["- type: nvidia::gxf::JobStatistics", "  parameters:", "    clock: clock",
                  f"    json_file_path: {stats_path}"]
    return "\n".join(lines) + "\n"


def queue_lines(role):
    """A capacity-1 input (gated) or output (back-pressured) queue."""
    if role == "in":
        return ["- name: in", "  type: nvidia::gxf::DoubleBufferReceiver",
                "- type: nvidia::gxf::MessageAvailableSchedulingTerm",
                "  parameters: {receiver: in, min_size: 1}"]
    return ["- name: out", "  type: nvidia::gxf::DoubleBufferTransmitter",
            "- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm",
            "  parameters: {transmitter: out, min_size: 1}"]


def chains_graph(chains, n, kind, workers, stats_path):
    """`chains` independent PingTx -> Forward -> Forward -> PingRx chains, `n` messages each."""
    documents = []
    for chain in range(chains):
        names = [f"tx{chain}", f"fa{chain}", f"fb{chain}", f"rx{chain}"]
        documents.append("\n".join([f"name: {names[0]}", "components:", *queue_lines("out"),
                                    "- type: nvidia::gxf::PingTx", "  parameters: {signal: out}",
                                    "- type: nvidia::gxf::CountSchedulingTerm",
                                    f"  parameters: {{count: {n}}}"]) + "\n")
        for name in names[1:3]:
            documents.append("\n".join([f"name: {name}", "components:", *queue_lines("in"),
                                        *queue_lines("out"), "- type: nvidia::gxf::Forward",
                                        "  parameters: {in: in, out: out}"]) + "\n")
        documents.append("\n".join([f"name: {names[3]}", "components:", *queue_lines("in"),
                                    "- type: nvidia::gxf::PingRx",
                                    "  parameters: {signal: in}"]) + "\n")
        for source, target in zip(names, names[1:]):
            documents.append("components:\n- type: nvidia::gxf::Connection\n"
                             f"  parameters: {{source: {source}/out, target: {target}/in}}\n")
    documents.append(scheduler_document(kind, workers, stats_path))
    return "%YAML 1.2\n---\n" + "---\n".join(documents)


def idle_graph(kind):
    """A 100 ms periodic PingTx -> PingRx that never ends by itself."""
    tx = "\n".join(["name: tx", "components:", "- name: out",
                    "  type: nvidia::gxf::DoubleBufferTransmitter",
                    "- type: nvidia::gxf::PingTx", "  parameters: {signal: out}",
                    "- type: nvidia::gxf::PeriodicSchedulingTerm",
                    "  parameters: {recess_period: 100ms}"]) + "\n"
    rx = "\n".join(["name: rx", "components:", *queue_lines("in"),
                    "- type: nvidia::gxf::PingRx", "  parameters: {signal: in}"]) + "\n"
    link = "components:\n- type: nvidia::gxf::Connection\n  parameters: {source: tx/out, target: rx/in}\n"
    return "%YAML 1.2\n---\n" + "---\n".join([tx, rx, link, scheduler_document(kind, 1, None,
                                                                              endless=True)])


def child(graph_path, cpu_window):
    """Run one graph in this process; print one JSON line."""
    import gxf.core as core

    context = core.context_create()
    result = {}
    try:
        core.gxf_set_severity(context, 1)
        core.load_extensions(context, manifest_filenames=[MANIFEST])
        core.graph_load_file(context, graph_path)
        core.graph_activate(context)
        start = time.perf_counter()
        core.graph_run_async(context)
        if cpu_window:
            time.sleep(0.3)
            cpu, wall = time.process_time(), time.perf_counter()
            time.sleep(cpu_window)
            result["cpu_share"] = (time.process_time() - cpu) / (time.perf_counter() - wall)
            core.graph_interrupt(context)
        core.graph_wait(context)
        result["run_s"] = time.perf_counter() - start
        core.graph_deactivate(context)
    finally:
        core.context_destroy(context)
    print("BENCH " + json.dumps(result), flush=True)


def run_child(text, cpu_window=0.0, timeout=600):
    """Run graph `text` in a fresh process; returns its result dict."""
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as stream:
        stream.write(text)
        path = stream.name
    try:
        process = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", path,
                                  "--cpu-window", str(cpu_window)],
                                 capture_output=True, text=True, timeout=timeout)
    finally:
        os.unlink(path)
    lines = [line for line in process.stdout.splitlines() if line.startswith("BENCH ")]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"child failed ({process.returncode}):\n{process.stderr[-2000:]}")
    return json.loads(lines[-1][len("BENCH "):])


def verify(chains, n, kind, workers):
    """One run with JobStatistics: every entity must have ticked n times."""
    with tempfile.TemporaryDirectory() as directory:
        stats = os.path.join(directory, "stats.json")
        run_child(chains_graph(chains, n, kind, workers, stats))
        with open(stats, encoding="utf-8") as stream:
            counts = {item["name"]: item["count"] for item in json.load(stream)["entities"]}
    if len(counts) != 4 * chains or set(counts.values()) != {n}:
        raise RuntimeError(f"{kind}/{workers}: unexpected tick counts {sorted(set(counts.values()))}")


def throughput(chains, n, kind, workers, reps):
    """Median messages per second over `reps` runs."""
    verify(chains, n, kind, workers)
    times = [run_child(chains_graph(chains, n, kind, workers, None))["run_s"] for _ in range(reps)]
    return chains * n / statistics.median(times)


def main(argv=None):
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=20_000, help="messages per chain")
    parser.add_argument("--chains", type=int, default=4, help="independent chains")
    parser.add_argument("--reps", type=int, default=3, help="timed runs per case")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--idle-window", type=float, default=3.0, help="seconds of idle CPU")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--cpu-window", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.cpu_window)
        return 0

    print(f"throughput: {args.chains} chains x {args.n:,} messages, 4 native entities per chain, "
          f"median of {args.reps} (msg/s delivered end to end)")
    rate = throughput(args.chains, args.n, "greedy", 1, args.reps)
    print(f"  {'greedy':13s} 1 thread   {rate:12,.0f} msg/s")
    for kind in ("multi_thread", "event_based"):
        for workers in args.workers:
            rate = throughput(args.chains, args.n, kind, workers, args.reps)
            print(f"  {kind:13s} {workers} worker{'s' if workers > 1 else ' '}  "
                  f"{rate:12,.0f} msg/s")
    print(f"idle: 100 ms periodic ping, process CPU over {args.idle_window:.0f} s "
          "(share of one core)")
    for kind in ("event_based", "multi_thread", "greedy"):
        share = run_child(idle_graph(kind), cpu_window=args.idle_window)["cpu_share"]
        print(f"  {kind:13s} {100 * share:6.2f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
