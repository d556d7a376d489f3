#!/usr/bin/env python3
"""Messages per second of a native ping and a Python ping on OUR engine only.

    python tools/bench/ping.py                # 100,000 messages each, greedy, median of 3
    python tools/bench/ping.py --n 20000 --reps 1

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


def main(argv=None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="messages per run")
    ap.add_argument("--reps", type=int, default=3, help="timed runs per case")
    args = ap.parse_args(argv)
    results = [measure(label, key, args.n, args.reps) for label, key in CASES]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
