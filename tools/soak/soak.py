#!/usr/bin/env python3
"""Soak test of the schedulers: random graphs, schedulers, worker counts, pinning and
interrupts, until the time is up; every message delivered exactly once, every run ends.

    python tools/soak/soak.py --minutes 10           # the long run (on demand)
    python tools/soak/soak.py --seconds 20 --seed 7  # a short, reproducible one

Each run (a fresh child process, this script with --child) draws:
  - a scheduler: MultiThreadScheduler (random check_recession_period_ms and
    strict_job_thread_pinning), EventBasedScheduler (1..16 workers each), or EpochScheduler
    (the child runs the epochs on its own thread, with a random time budget);
  - 1..8 chains PingTx -> Forward x k -> PingRx (k = 0..3, capacity-1 queues with
    back-pressure), n messages each;
  - in about a third of the parallel runs, 1..4 entities pinned to a ThreadPool
    (CPUThread pin_entity: true; the pool has 0..2 free slots);
  - in about half of the runs, an interrupt (graph_interrupt from another thread) at a random
    time, from at once to well past the expected end of the run.
JobStatistics counts every entity's ticks. Checked:
  - the run ends (no hang: a child past its deadline is a failure) and returns success;
  - an uninterrupted run: every entity of every chain ticked exactly n times (one tick
    per message: a lost or duplicated message changes a count);
  - an interrupted run: along each chain the counts never rise, and each stage is behind
    its upstream by at most the messages its queue can hold (a receiver's two stages),
    so nothing was duplicated and nothing vanished in flight.
Exit status 0 iff every run passed; failures print the seed that reproduces the run. The
summary gives the runs, failures, interrupts, messages delivered, and the runs per scheduler,
worker count and pinning.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(os.path.dirname(HERE), "bench")
MANIFEST = os.path.join(BENCH, "manifest_ours.yaml")
sys.path.insert(0, BENCH)
from scaling import queue  # noqa: E402  (the bench's capacity-1 queue components)
IN_FLIGHT = 2  # a capacity-1 double-buffer receiver holds one message per stage
MAX_WORKERS = 16


def chain_names(chain, forwards):
    """Entity names of one chain, upstream first."""
    return [f"tx{chain}"] + [f"f{chain}_{i}" for i in range(forwards)] + [f"rx{chain}"]


def make_case(rng):
    """A random run description."""
    kind = rng.choice(["multi_thread", "event_based", "epoch"])
    chains = rng.randint(1, 8)
    forwards = rng.randint(0, 3)
    case = {
        "kind": kind,
        "workers": rng.randint(1, MAX_WORKERS) if kind != "epoch" else 1,
        "chains": chains,
        "forwards": forwards,
        "n": rng.choice([1, 10, 100, 1000, 5000]),
        "recession_ms": rng.choice([0, 0, 0.1, 1]) if kind == "multi_thread" else None,
        "strict_pinning": rng.random() < 0.5 if kind == "multi_thread" else None,
        "epoch_budget_ms": rng.choice([5, 20, 100]) if kind == "epoch" else None,
        "pinned": [],
        "pool_free_slots": 0,
        # At once, or at a random time up to well past the end of most runs.
        "interrupt_s": rng.choice([None, 0.0, round(rng.uniform(0, 0.5), 4)]),
    }
    if kind != "epoch" and rng.random() < 1 / 3:
        names = [name for chain in range(chains) for name in chain_names(chain, forwards)]
        case["pinned"] = sorted(rng.sample(names, rng.randint(1, min(4, len(names)))))
        case["pool_free_slots"] = rng.randint(0, 2)
    return case


def graph_text(case, stats_path):
    """YAML of the case's graph."""
    import yaml

    docs = []
    pinned = set(case["pinned"])

    def pin(name):
        if name not in pinned:
            return []
        return [{"name": "cpu_thread", "type": "nvidia::gxf::CPUThread",
                 "parameters": {"pin_entity": True}}]

    for chain in range(case["chains"]):
        names = chain_names(chain, case["forwards"])
        docs.append({"name": names[0], "components": queue("out") + [
            {"type": "nvidia::gxf::PingTx", "parameters": {"signal": "out"}},
            {"type": "nvidia::gxf::CountSchedulingTerm",
             "parameters": {"count": case["n"]}}] + pin(names[0])})
        for name in names[1:-1]:
            docs.append({"name": name, "components": queue("in") + queue("out") + [
                {"type": "nvidia::gxf::Forward", "parameters": {"in": "in", "out": "out"}}]
                + pin(name)})
        docs.append({"name": names[-1], "components": queue("in") + [
            {"type": "nvidia::gxf::PingRx", "parameters": {"signal": "in"}}] + pin(names[-1])})
        for source, target in zip(names, names[1:]):
            docs.append({"components": [{"type": "nvidia::gxf::Connection", "parameters": {
                "source": f"{source}/out", "target": f"{target}/in"}}]})
    components = [{"name": "clock", "type": "nvidia::gxf::RealtimeClock"}]
    if case["kind"] == "epoch":
        components.append({"name": "scheduler", "type": "nvidia::gxf::EpochScheduler",
                           "parameters": {"clock": "clock"}})
    else:
        parameters = {"clock": "clock", "worker_thread_number": case["workers"],
                      "max_duration_ms": 120000, "stop_on_deadlock": True}
        if case["kind"] == "multi_thread":
            parameters["check_recession_period_ms"] = case["recession_ms"]
            parameters["strict_job_thread_pinning"] = case["strict_pinning"]
            scheduler = "nvidia::gxf::MultiThreadScheduler"
        else:
            scheduler = "nvidia::gxf::EventBasedScheduler"
        components.append({"name": "scheduler", "type": scheduler, "parameters": parameters})
    if pinned:
        components.append({"name": "pool", "type": "nvidia::gxf::ThreadPool",
                           "parameters": {"initial_size": case["pool_free_slots"]}})
    components.append({"type": "nvidia::gxf::JobStatistics",
                       "parameters": {"clock": "clock", "json_file_path": stats_path}})
    docs.append({"name": "scheduler", "components": components})
    return "%YAML 1.2\n" + yaml.safe_dump_all(docs, explicit_start=True, sort_keys=False)


def run_epochs(core, context, budget_ms):
    """Run the EpochScheduler's epochs on this thread until nothing is left to run."""
    import gxf.std.epoch_scheduler_pybind as epoch_pybind

    scheduler = core.entity_find(context, "scheduler")
    cid = core.component_find(context, scheduler, component_name="scheduler")[0]
    while True:
        start = time.monotonic()
        epoch_pybind.run_epoch(context, cid, budget_ms)
        # An epoch that is not over runs passes until its budget is spent; one that returns
        # sooner found nothing ready (the graph is done) or was interrupted. (A finished
        # graph's single pass that overran the budget only costs one more epoch.)
        if time.monotonic() - start < budget_ms / 1000:
            return


def child(graph_path, interrupt_s, epoch_budget_ms):
    """Run one graph in this process (interrupting it after interrupt_s if given)."""
    import gxf.core as core

    context = core.context_create()
    try:
        core.gxf_set_severity(context, 1)
        core.load_extensions(context, manifest_filenames=[MANIFEST])
        core.graph_load_file(context, graph_path)
        core.graph_activate(context)
        core.graph_run_async(context)
        interrupter = None
        if interrupt_s is not None:
            # From another thread, as a user's Ctrl-C handler or controller would.
            interrupter = threading.Timer(interrupt_s, core.graph_interrupt, args=(context,))
            interrupter.start()
        if epoch_budget_ms is not None:
            run_epochs(core, context, epoch_budget_ms)
            if interrupter is not None:
                interrupter.join()
            else:
                core.graph_interrupt(context)  # an epoch graph runs until it is stopped
        core.graph_wait(context)
        if interrupter is not None:
            interrupter.join()
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
    """Run one case in a child process; returns (problems, messages delivered)."""
    with tempfile.TemporaryDirectory() as directory:
        stats = os.path.join(directory, "stats.json")
        graph = os.path.join(directory, "graph.yaml")
        with open(graph, "w", encoding="utf-8") as stream:
            stream.write(graph_text(case, stats))
        command = [sys.executable, os.path.abspath(__file__), "--child", graph]
        if case["interrupt_s"] is not None:
            command += ["--interrupt-s", str(case["interrupt_s"])]
        if case["epoch_budget_ms"] is not None:
            command += ["--epoch-budget-ms", str(case["epoch_budget_ms"])]
        try:
            process = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return [f"hang: no end within {timeout} s"], 0
        if process.returncode != 0 or "SOAK-CHILD-DONE" not in process.stdout:
            return [f"child exited {process.returncode}: {process.stderr[-1500:]}"], 0
        if not os.path.exists(stats):
            return ["no JobStatistics report"], 0
        with open(stats, encoding="utf-8") as stream:
            counts = {e["name"]: e["count"] for e in json.load(stream)["entities"]}
        delivered = sum(counts.get(f"rx{chain}", 0) for chain in range(case["chains"]))
        return check_counts(case, counts), delivered


class Tally:
    """What the runs covered, for the summary."""

    def __init__(self):
        self.runs = self.failures = self.interrupted = self.messages = self.pinned = 0
        self.kinds = collections.Counter()
        self.workers = collections.Counter()

    def add(self, case, failed, delivered):
        """Count one run."""
        self.runs += 1
        self.failures += failed
        self.interrupted += case["interrupt_s"] is not None
        self.messages += delivered
        self.pinned += bool(case["pinned"])
        self.kinds[case["kind"]] += 1
        if case["kind"] != "epoch":
            self.workers[case["workers"]] += 1

    def summary(self, minutes):
        """The summary lines."""
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.kinds.items()))
        workers = " ".join(f"{w}:{c}" for w, c in sorted(self.workers.items()))
        return (f"soak: {self.runs} runs, {self.failures} failed in {minutes:.1f} min; "
                f"{self.interrupted} interrupted, {self.messages} messages delivered, "
                f"{self.pinned} with pinned entities\n"
                f"soak: schedulers: {kinds}\n"
                f"soak: runs per worker count (parallel schedulers): {workers}")


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
    parser.add_argument("--epoch-budget-ms", type=float, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.interrupt_s, args.epoch_budget_ms)
        return 0
    duration = (args.minutes or 0) * 60 + (args.seconds or 0) or 600.0
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    print(f"soak: seed {seed}, {duration:.0f} s", flush=True)
    began = time.monotonic()
    deadline = began + duration
    tally = Tally()
    while time.monotonic() < deadline and (args.runs is None or tally.runs < args.runs):
        case_seed = seed + tally.runs
        case = make_case(random.Random(case_seed))
        problems, delivered = run_case(case, args.timeout)
        tally.add(case, bool(problems), delivered)
        if problems:
            print(f"FAIL (seed {case_seed}) {json.dumps(case)}", flush=True)
            for problem in problems:
                print(f"  {problem}", flush=True)
    print(tally.summary((time.monotonic() - began) / 60), flush=True)
    return 1 if tally.failures or tally.runs == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
