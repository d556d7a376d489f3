#!/usr/bin/env python3
"""Messages per second of a native ping and a Python ping on OUR engine only.

    python tools/bench/ping.py                # 100,000 messages each, greedy, median of 3
    python tools/bench/ping.py --n 20000 --reps 1
    python tools/bench/ping.py --metrics-overhead --reps 7   # metrics off vs on, as a ratio

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


def metrics_overhead(label: str, key: str, n: int, reps: int) -> bool:
    """Time one case with metrics off and on, alternating; print medians and on/off ratio."""
    scenario = dataclasses.replace(scenarios.find(key), n=n)
    command = sides.graph_command("ours", scenario, n, None, None)
    times = {"off": [], "on": []}
    for _ in range(reps):
        for mode in ("off", "on"):
            r = sides.run_child(command + (["--metrics"] if mode == "on" else []),
                                scenario.timeout_s + sides.GRACE_S, sides.child_env("ours"))
            if not r.get("ok"):
                print(f"{label:12s} metrics {mode} FAIL: {sides.error_text(r)}")
                return False
            if mode == "on" and r["metrics_ticks"].get("tx") != n:
                print(f"{label:12s} metrics counted {r['metrics_ticks']}, expected tx={n}")
                return False
            times[mode].append(r["run_s"])
    off, on = statistics.median(times["off"]), statistics.median(times["on"])
    print(f"{label:12s} {n:,} msgs, median off {off / n * 1e6:.3f} us/msg, "
          f"on {on / n * 1e6:.3f} us/msg -> on/off {on / off:.3f} "
          f"(runs off {', '.join(f'{t:.3f}' for t in times['off'])}; "
          f"on {', '.join(f'{t:.3f}' for t in times['on'])})")
    return True


def main(argv=None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="messages per run")
    ap.add_argument("--reps", type=int, default=3, help="timed runs per case")
    ap.add_argument("--metrics-overhead", action="store_true",
                    help="compare runs with gxf.metrics off and on (alternating)")
    args = ap.parse_args(argv)
    run = metrics_overhead if args.metrics_overhead else measure
    results = [run(label, key, args.n, args.reps) for label, key in CASES]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
