#!/usr/bin/env python3
"""Soak test of the parallel schedulers: random graphs, worker counts and interrupts, until
the time is up; every message delivered exactly once, every run ends.

    python tools/soak/soak.py --minutes 10           # the long run (on demand)
    python tools/soak/soak.py --seconds 20 --seed 7  # a short, reproducible one

Each run (a fresh child process, this script with --child): a random scheduler
(MultiThreadScheduler with a random check_recession_period_ms, or EventBasedScheduler),
1..8 workers, 1..8 chains PingTx -> Forward x k -> PingRx (k = 0..3, capacity-1 queues with
back-pressure), n messages each; in about half of the runs the graph is interrupted after a
random delay. JobStatistics counts every entity's ticks. Checked:
  - the run ends (no hang: a child past its deadline is a failure) and returns success;
  - an uninterrupted run: every entity of every chain ticked exactly n times (one tick
    per message: a lost or duplicated message changes a count);
  - an interrupted run: along each chain the counts never rise, and each stage is behind
    its upstream by at most the messages its queue can hold (a receiver's two stages),
    so nothing was duplicated and nothing vanished in flight.
Exit status 0 iff every run passed; failures print the seed that reproduces the run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(os.path.dirname(HERE), "bench")
MANIFEST = os.path.join(BENCH, "manifest_ours.yaml")
sys.path.insert(0, BENCH)
from scaling import queue  # noqa: E402  (the bench's capacity-1 queue components)
IN_FLIGHT = 2  # a capacity-1 double-buffer receiver holds one message per stage


def chain_names(chain, forwards):
    """Entity names of one chain, upstream first."""
    return [f"tx{chain}"] + [f"f{chain}_{i}" for i in range(forwards)] + [f"rx{chain}"]


def make_case(rng):
    """A random run description."""
    kind = rng.choice(["multi_thread", "event_based"])
    return {
        "kind": kind,
        "workers": rng.randint(1, 8),
        "chains": rng.randint(1, 8),
        "forwards": rng.randint(0, 3),
        "n": rng.choice([1, 10, 100, 1000, 5000]),
        "recession_ms": rng.choice([0, 0, 0.1, 1]) if kind == "multi_thread" else None,
        "interrupt_s": rng.choice([None, 0.0, 0.001, 0.01, 0.05]),
    }


def graph_text(case, stats_path):
    """YAML of the case's graph."""
    import yaml

    docs = []
    for chain in range(case["chains"]):
        names = chain_names(chain, case["forwards"])
        docs.append({"name": names[0], "components": queue("out") + [
            {"type": "nvidia::gxf::PingTx", "parameters": {"signal": "out"}},
            {"type": "nvidia::gxf::CountSchedulingTerm", "parameters": {"count": case["n"]}}]})
        for name in names[1:-1]:
            docs.append({"name": name, "components": queue("in") + queue("out") + [
                {"type": "nvidia::gxf::Forward", "parameters": {"in": "in", "out": "out"}}]})
        docs.append({"name": names[-1], "components": queue("in") + [
            {"type": "nvidia::gxf::PingRx", "parameters": {"signal": "in"}}]})
        for source, target in zip(names, names[1:]):
            docs.append({"components": [{"type": "nvidia::gxf::Connection", "parameters": {
                "source": f"{source}/out", "target": f"{target}/in"}}]})
    parameters = {"clock": "clock", "worker_thread_number": case["workers"],
                  "max_duration_ms": 120000, "stop_on_deadlock": True}
    if case["kind"] == "multi_thread":
        parameters["check_recession_period_ms"] = case["recession_ms"]
        scheduler = "nvidia::gxf::MultiThreadScheduler"
    else:
        scheduler = "nvidia::gxf::EventBasedScheduler"
    docs.append({"name": "scheduler", "components": [
        {"name": "clock", "type": "nvidia::gxf::RealtimeClock"},
        {"name": "scheduler", "type": scheduler, "parameters": parameters},
        {"type": "nvidia::gxf::JobStatistics",
         "parameters": {"clock": "clock", "json_file_path": stats_path}}]})
    return "%YAML 1.2\n" + yaml.safe_dump_all(docs, explicit_start=True, sort_keys=False)


def child(graph_path, interrupt_s):
    """Run one graph in this process (interrupting it after interrupt_s if given)."""
    import gxf.core as core

    context = core.context_create()
    try:
        core.gxf_set_severity(context, 1)
        core.load_extensions(context, manifest_filenames=[MANIFEST])
        core.graph_load_file(context, graph_path)
        core.graph_activate(context)
        core.graph_run_async(context)
        if interrupt_s is not None:
            time.sleep(interrupt_s)
            core.graph_interrupt(context)
        core.graph_wait(context)
        core.graph_deactivate(context)
    finally:
        core.context_destroy(context)
    print("SOAK-CHILD-DONE", flush=True)


def check_counts(case, counts):
    """Problems found in the tick counts (empty when the run is correct)."""
    problems = []
    interrupted = case["interrupt_s"] is not None
    for chain in range(case["chains"]):
        names = chain_names(chain, case["forwards"])
        ticks = [counts.get(name, 0) for name in names]
        if not interrupted:
            if ticks != [case["n"]] * len(names):
                problems.append(f"chain {chain}: ticks {ticks}, expected {case['n']} each")
            continue
        if ticks[0] > case["n"]:
            problems.append(f"chain {chain}: tx ticked {ticks[0]} > {case['n']}")
        for upstream, downstream, name in zip(ticks, ticks[1:], names[1:]):
            if not 0 <= upstream - downstream <= IN_FLIGHT:
                problems.append(f"chain {chain}: {name} ticked {downstream} after "
                                f"{upstream} upstream ticks ({ticks})")
    return problems


def run_case(case, timeout):
    """Run one case in a child process; returns a list of problems."""
    with tempfile.TemporaryDirectory() as directory:
        stats = os.path.join(directory, "stats.json")
        graph = os.path.join(directory, "graph.yaml")
        with open(graph, "w", encoding="utf-8") as stream:
            stream.write(graph_text(case, stats))
        command = [sys.executable, os.path.abspath(__file__), "--child", graph]
        if case["interrupt_s"] is not None:
            command += ["--interrupt-s", str(case["interrupt_s"])]
        try:
            process = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return [f"hang: no end within {timeout} s"]
        if process.returncode != 0 or "SOAK-CHILD-DONE" not in process.stdout:
            return [f"child exited {process.returncode}: {process.stderr[-1500:]}"]
        if not os.path.exists(stats):
            return ["no JobStatistics report"]
        with open(stats, encoding="utf-8") as stream:
            counts = {e["name"]: e["count"] for e in json.load(stream)["entities"]}
        return check_counts(case, counts)


def main(argv=None):
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=None)
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--runs", type=int, default=None, help="stop after this many runs")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--timeout", type=float, default=60.0, help="per run [s]")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--interrupt-s", type=float, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.interrupt_s)
        return 0
    duration = (args.minutes or 0) * 60 + (args.seconds or 0) or 600.0
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    print(f"soak: seed {seed}, {duration:.0f} s", flush=True)
    deadline = time.monotonic() + duration
    runs = failures = 0
    while time.monotonic() < deadline and (args.runs is None or runs < args.runs):
        case_seed = seed + runs
        case = make_case(random.Random(case_seed))
        problems = run_case(case, args.timeout)
        runs += 1
        if problems:
            failures += 1
            print(f"FAIL (seed {case_seed}) {json.dumps(case)}", flush=True)
            for problem in problems:
                print(f"  {problem}", flush=True)
    print(f"soak: {runs} runs, {failures} failed", flush=True)
    return 1 if failures or runs == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
