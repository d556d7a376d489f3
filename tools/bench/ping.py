#!/usr/bin/env python3
"""Messages per second of a native ping and a Python ping on OUR engine only.

    python tools/bench/ping.py                # 100,000 messages each, greedy, median of 3
    python tools/bench/ping.py --n 20000 --reps 1
    python tools/bench/ping.py --metrics-overhead --reps 9   # metrics off vs on, as ratios of
                                                             # wall and CPU time (1,000,000
                                                             # messages a run by default)

Native: graphs/ping.yaml (sample PingTx -> PingRx).  Python: graphs/pyping.yaml (two
PyCodeletV0 codelets from codelets/ping_codelets.py).  Both with graphs/sched_greedy.yaml,
first verified by a JobStatistics run (tx/rx tick counts), then timed (RunAsync + Wait) in
fresh processes.  Exit status 1 when a side could not run or miscounted.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scenarios  # noqa: E402
import sides  # noqa: E402

CASES = [("native ping", "ping/greedy"), ("Python ping", "pyping/greedy")]


def measure(label: str, key: str, n: int, reps: int) -> bool:
    """Verify and time one case on our engine; print its line. True on success."""
    scenario = dataclasses.replace(scenarios.find(key), n=n)
    check = sides.verify("ours", scenario, n, None)
    if not check["ok"]:
        status = sides.failure_status("ours", check["result"] or {})
        print(f"{label:12s} {status}: {check['note']}")
        return False
    times = []
    for _ in range(reps):
        r = sides.run_side("ours", scenario, n, None)
        if not r.get("ok"):
            print(f"{label:12s} FAIL: {sides.error_text(r)}")
            return False
        times.append(r["run_s"])
    med = statistics.median(times)
    print(f"{label:12s} {n:,} msgs, median {med:.4f} s -> {n / med:,.0f} msg/s "
          f"({med / n * 1e6:.2f} us/msg; verified {check['note']})")
    return True


def metrics_overhead(label: str, key: str, n: int, reps: int, sample_period: int) -> bool:
    """Time one case with metrics off and on, alternating; print medians and on/off ratio."""
    scenario = dataclasses.replace(scenarios.find(key), n=n)
    command = sides.graph_command("ours", scenario, n, None, None)
    metrics_flags = ["--metrics", "--metrics-sample-period", str(sample_period)]
    times = {"off": [], "on": []}
    cpu = {"off": [], "on": []}
    for _ in range(reps):
        for mode in ("off", "on"):
            r = sides.run_child(command + (metrics_flags if mode == "on" else []),
                                scenario.timeout_s + sides.GRACE_S, sides.child_env("ours"))
            if not r.get("ok"):
                print(f"{label:12s} metrics {mode} FAIL: {sides.error_text(r)}")
                return False
            if mode == "on" and r["metrics_ticks"].get("tx") != n:
                print(f"{label:12s} metrics counted {r['metrics_ticks']}, expected tx={n}")
                return False
            times[mode].append(r["run_s"])
            cpu[mode].append(r["run_cpu_s"])
    for what, values in (("wall", times), ("cpu", cpu)):
        off, on = statistics.median(values["off"]), statistics.median(values["on"])
        print(f"{label:12s} {n:,} msgs, {what} median off {off / n * 1e6:.3f} us/msg, "
              f"on {on / n * 1e6:.3f} us/msg -> on/off {on / off:.3f}  "
              f"(off {' '.join(f'{t:.3f}' for t in values['off'])}; "
              f"on {' '.join(f'{t:.3f}' for t in values['on'])})")
    return True


def main(argv=None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=None,
                    help="messages per run (default 100,000; 1,000,000 with --metrics-overhead, "
                         "whose runs must be long next to the timer's noise)")
    ap.add_argument("--reps", type=int, default=3, help="timed runs per case")
    ap.add_argument("--metrics-overhead", action="store_true",
                    help="compare runs with gxf.metrics off and on (alternating)")
    ap.add_argument("--metrics-sample-period", type=int, default=64,
                    help="with --metrics-overhead: time one tick in this many (1: every tick)")
    args = ap.parse_args(argv)
    if args.n is None:
        args.n = 1_000_000 if args.metrics_overhead else 100_000
    if args.metrics_overhead:
        results = [metrics_overhead(label, key, args.n, args.reps, args.metrics_sample_period)
                   for label, key in CASES]
    else:
        results = [measure(label, key, args.n, args.reps) for label, key in CASES]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
