#!/usr/bin/env python3
"""How the parallel schedulers scale with worker threads: ours and real GXF side by side.

    python tools/bench/scaling.py                       # workers 1 2 (this machine's cores)
    python tools/bench/scaling.py --workers 1 2 4 8 16 --chains 16 --json-out scaling.json

Workloads (the same graph file goes to both engines, each run in a fresh child process:
ours_child.py with our python, gxf_child.py with the reference venv's, see refvenv.py):
  trivial  `chains` independent PingTx -> Forward -> Forward -> PingRx chains, capacity-1
           queues with back-pressure, `n` messages each.
  spin     the same chains with the two Forward stages replaced by SpinForward (test
           extension), which busy-spins `spin_us` per tick: CPU-bound ticks. Ours only: real
           GXF has no such codelet in its std/sample extensions.
  python   `chains` PyPingTx -> PyPingRx pairs (tools/bench/codelets/ping_codelets.py). Ours
           only (the reference runtime has no Python-codelet extension).
With --independent, also W unrelated processes of ours at once, each running one trivial chain
on the GreedyScheduler and starting its run when all W are ready (scheduler `independent` in
the table, rate = W * n over the slowest copy's run, as a scheduler run ends with its slowest
chain): the machine's own ceiling for W threads of this work, with nothing shared but the
hardware.
Schedulers: MultiThreadScheduler (check_recession_period_ms 0, as GXF's own benchmarks) and
EventBasedScheduler at each worker count, plus the GreedyScheduler (one thread) as the
single-thread reference. Reported: messages per second delivered end to end (chains * n /
run time, run = GxfGraphRunAsync + GxfGraphWait) and the speed-up over the same scheduler's
1-worker rate. Each case is one run, or with --repeat R the median of R runs taken in R
rounds over all cases (on a shared host, single-thread rates drift by a third within minutes:
rounds spread the drift over every case); before timing, one untimed run per (engine,
workload, scheduler) at the largest worker count is verified by JobStatistics (every entity
ticked n times).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import protocol  # noqa: E402
import refvenv  # noqa: E402

SCHEDULERS = {
    "greedy": "nvidia::gxf::GreedyScheduler",
    "multi_thread": "nvidia::gxf::MultiThreadScheduler",
    "event_based": "nvidia::gxf::EventBasedScheduler",
}
CODELETS = os.path.join(HERE, "codelets", "ping_codelets.py")


def queue(role):
    """Components of a capacity-1 input (gated) or output (back-pressured) queue."""
    from gxf.testing.graph_docs import queue_components

    return queue_components(role, capacity=1)


def stage(load, spin_us):
    """The codelet of a middle stage."""
    if load == "spin":
        return {"type": "nvidia::gxf::test::SpinForward",
                "parameters": {"in": "in", "out": "out", "spin_us": spin_us}}
    return {"type": "nvidia::gxf::Forward", "parameters": {"in": "in", "out": "out"}}


def python_codelet(name, port):
    """A PyCodeletV0 running a codelet of ping_codelets.py."""
    role = "transmitter" if port == "out" else "receiver"
    return {"name": "codelet", "type": "nvidia::gxf::PyCodeletV0",
            "parameters": {"codelet_name": name, "codelet_file": CODELETS,
                           "codelet_params": {role: port}}}


def app_documents(load, chains, n, spin_us):
    """Entities and connections of a workload."""
    docs = []
    count = {"name": "count", "type": "nvidia::gxf::CountSchedulingTerm",
             "parameters": {"count": n}}
    for c in range(chains):
        if load == "python":
            names = [f"tx{c}", f"rx{c}"]
            docs.append({"name": names[0], "components": queue("out") + [
                python_codelet("PyPingTx", "out"), count]})
            docs.append({"name": names[1], "components": queue("in") + [
                python_codelet("PyPingRx", "in")]})
        else:
            names = [f"tx{c}", f"fa{c}", f"fb{c}", f"rx{c}"]
            docs.append({"name": names[0], "components": queue("out") + [
                {"type": "nvidia::gxf::PingTx", "parameters": {"signal": "out"}}, count]})
            for name in names[1:3]:
                docs.append({"name": name, "components": queue("in") + queue("out") +
                             [stage(load, spin_us)]})
            docs.append({"name": names[3], "components": queue("in") + [
                {"type": "nvidia::gxf::PingRx", "parameters": {"signal": "in"}}]})
        for source, target in zip(names, names[1:]):
            docs.append({"components": [{"type": "nvidia::gxf::Connection", "parameters": {
                "source": f"{source}/out", "target": f"{target}/in"}}]})
    return docs


def scheduler_document(kind, workers, stats_path=None):
    """The scheduler entity (and JobStatistics when verifying)."""
    parameters = {"clock": "clock", "max_duration_ms": 600000, "stop_on_deadlock": True}
    if kind != "greedy":
        parameters["worker_thread_number"] = workers
    if kind == "multi_thread":
        parameters["check_recession_period_ms"] = 0
    components = [{"name": "clock", "type": "nvidia::gxf::RealtimeClock"},
                  {"name": "scheduler", "type": SCHEDULERS[kind], "parameters": parameters}]
    if stats_path:
        components.append({"type": "nvidia::gxf::JobStatistics",
                           "parameters": {"clock": "clock", "json_file_path": stats_path}})
    return {"name": "scheduler", "components": components}


def write_graph(path, docs):
    """Write a multi-document YAML graph file."""
    import yaml

    with open(path, "w", encoding="utf-8") as stream:
        stream.write("%YAML 1.2\n")
        yaml.safe_dump_all(docs, stream, explicit_start=True, sort_keys=False)


def run_children(engine, graph, timeout, copies=1):
    """`copies` fresh processes of `engine` running `graph` at once; returns each one's run_s."""
    if engine == "ours":
        command = [sys.executable, os.path.join(HERE, "ours_child.py")]
        env = dict(os.environ)
    else:
        command = [refvenv.venv_python(), os.path.join(HERE, "gxf_child.py")]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    command += ["--graph", graph, "--timeout", str(timeout)]
    with tempfile.TemporaryDirectory() as barrier:
        if copies > 1:
            # Started at once, the copies would begin their runs as their imports finish, and
            # short runs would hardly overlap: each waits after activation for all the others.
            command += ["--barrier", f"{barrier}:{copies}"]
        processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True, env=env) for _ in range(copies)]
        runs = []
        try:
            for process in processes:
                stdout, stderr = process.communicate(timeout=timeout + 60)
                result = protocol.parse(stdout)
                if not result or not result.get("ok"):
                    raise RuntimeError(f"{engine} failed on {graph}: {result}\n{stderr[-3000:]}")
                runs.append(result["run_s"])
        finally:
            # A copy that failed leaves the others waiting at the barrier: end them.
            for process in processes:
                if process.poll() is None:
                    process.kill()
                    process.wait()
    return runs


def run_child(engine, graph, timeout):
    """One run of `graph` on `engine` in a fresh process; returns run_s."""
    return run_children(engine, graph, timeout)[0]


def verify(engine, load, chains, n, kind, workers, spin_us, directory, timeout):
    """An untimed run with JobStatistics: every entity must tick n times."""
    stats = os.path.join(directory, f"stats-{engine}-{load}-{kind}.json")
    graph = os.path.join(directory, f"verify-{engine}-{load}-{kind}.yaml")
    write_graph(graph, app_documents(load, chains, n, spin_us) +
                [scheduler_document(kind, workers, stats)])
    run_child(engine, graph, timeout)
    with open(stats, encoding="utf-8") as stream:
        counts = {e["name"]: e["count"] for e in json.load(stream)["entities"]}
    per_chain = 2 if load == "python" else 4
    if len(counts) != per_chain * chains or set(counts.values()) != {n}:
        raise RuntimeError(f"{engine}/{load}/{kind}/{workers}: tick counts "
                           f"{sorted(set(counts.values()))} over {len(counts)} entities")


def measure(args):
    """All cases; returns a list of result rows (each case's median over args.repeat runs)."""
    cases = []
    runs = {}
    with tempfile.TemporaryDirectory() as directory:
        for load in args.loads:
            n = {"trivial": args.n, "spin": args.n_spin, "python": args.n_python}[load]
            engines = [e for e in args.engines if e == "ours" or load == "trivial"]
            for engine in engines:
                for kind in ["greedy"] + args.schedulers:
                    counts = [1] if kind == "greedy" else args.workers
                    if not args.no_verify:
                        verify(engine, load, args.chains, min(n, 2000), kind, max(counts),
                               args.spin_us, directory, args.timeout)
                    for workers in counts:
                        graph = os.path.join(directory, f"{engine}-{load}-{kind}-{workers}.yaml")
                        write_graph(graph, app_documents(load, args.chains, n, args.spin_us) +
                                    [scheduler_document(kind, workers)])
                        cases.append((load, engine, kind, workers, n, graph))
        if args.independent:
            # The machine's own ceiling for this work: W unrelated processes, one chain and
            # one thread each, nothing shared but the hardware.
            n = args.n
            graph = os.path.join(directory, "independent.yaml")
            write_graph(graph, app_documents("trivial", 1, n, args.spin_us) +
                        [scheduler_document("greedy", 1)])
            for workers in args.workers:
                cases.append(("trivial", "ours", "independent", workers, n, graph))
        # Rounds over all cases rather than repeats in a row: a machine whose speed drifts
        # (a shared host) then shifts every case alike instead of a few.
        for round_index in range(args.repeat):
            for case in cases:
                load, engine, kind, workers, n, graph = case
                if kind == "independent":
                    # The copies' messages over the slowest copy's run, as a scheduler run is
                    # measured (its slowest chain ends it); as a time for `chains` chains.
                    slowest = max(run_children(engine, graph, args.timeout, workers))
                    run_s = slowest * args.chains / workers
                else:
                    run_s = run_child(engine, graph, args.timeout)
                runs.setdefault(case, []).append(run_s)
                print(f"  {load:8s} {engine:5s} {kind:13s} {workers:3d} workers "
                      f"{args.chains * n / run_s:12,.0f} msg/s"
                      + (f"  (round {round_index + 1})" if args.repeat > 1 else ""), flush=True)
    rows = []
    for case in cases:
        load, engine, kind, workers, n, _ = case
        run_s = statistics.median(runs[case])
        rows.append({"load": load, "engine": engine, "scheduler": kind, "workers": workers,
                     "chains": args.chains, "n": n, "msgs_per_s": args.chains * n / run_s,
                     "run_s": run_s, "runs_s": runs[case]})
    return rows


def table(rows, workers):
    """Markdown table: msgs/s and speed-up over 1 worker, per (load, engine, scheduler)."""
    lines = ["| load | engine | scheduler | " + " | ".join(f"{w} w" for w in workers) +
             " | speed-up at max |", "|---|---|---|" + "---:|" * (len(workers) + 1)]
    keys = []
    for row in rows:
        key = (row["load"], row["engine"], row["scheduler"])
        if key not in keys:
            keys.append(key)
    for key in keys:
        rates = {r["workers"]: r["msgs_per_s"] for r in rows
                 if (r["load"], r["engine"], r["scheduler"]) == key}
        base = rates.get(1)
        cells = []
        for w in workers:
            rate = rates.get(w)
            if rate is None:
                cells.append("")
            elif w == 1 or not base:
                cells.append(f"{rate / 1000:,.0f}k")
            else:
                cells.append(f"{rate / 1000:,.0f}k ({rate / base:.1f}x)")
        top = rates.get(max(workers))
        speedup = f"{top / base:.1f}x" if top and base and len(rates) > 1 else ""
        lines.append(f"| {key[0]} | {key[1]} | {key[2]} | " + " | ".join(cells) +
                     f" | {speedup} |")
    return "\n".join(lines)


def positive_int(text):
    """argparse type: an integer of at least 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected an integer >= 1, got {text}")
    return value


def main(argv=None):
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    cores = os.cpu_count() or 1
    default_workers = [w for w in (1, 2, 4, 8, 16, 32, 64) if w <= cores]
    parser.add_argument("--workers", type=positive_int, nargs="+", default=default_workers)
    parser.add_argument("--chains", type=positive_int, default=None, help="default: max workers")
    parser.add_argument("--n", type=positive_int, default=20_000, help="messages per chain (trivial)")
    parser.add_argument("--n-spin", type=positive_int, default=2_000, help="messages per chain (spin)")
    parser.add_argument("--n-python", type=positive_int, default=5_000, help="messages per pair (python)")
    parser.add_argument("--spin-us", type=float, default=20.0, help="SpinForward time per tick")
    parser.add_argument("--loads", nargs="+", default=["trivial", "spin", "python"],
                        choices=["trivial", "spin", "python"])
    parser.add_argument("--engines", nargs="+", default=["ours", "gxf"], choices=["ours", "gxf"])
    parser.add_argument("--schedulers", nargs="+", default=["multi_thread", "event_based"],
                        choices=["multi_thread", "event_based"])
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--no-verify", action="store_true", help="skip the JobStatistics runs")
    parser.add_argument("--independent", action="store_true",
                        help="also run W unrelated greedy processes of one chain each at once "
                             "(the machine's own ceiling for W workers; scheduler "
                             "'independent' in the table)")
    parser.add_argument("--repeat", type=positive_int, default=1,
                        help="runs per case, in rounds over all cases; the median is reported")
    parser.add_argument("--json-out", help="also write the rows as JSON")
    args = parser.parse_args(argv)
    args.chains = args.chains or max(args.workers)
    if "gxf" in args.engines and refvenv.gxf_lib_dir() is None:
        print(f"real GXF not found in {refvenv.venv_dir()}: ours only", file=sys.stderr)
        args.engines = ["ours"]
    print(f"scaling: {args.chains} chains, workers {args.workers}, {cores} cores", flush=True)
    rows = measure(args)
    print(table(rows, args.workers))
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as stream:
            json.dump({"cores": cores, "chains": args.chains, "rows": rows}, stream, indent=1)


if __name__ == "__main__":
    main()
