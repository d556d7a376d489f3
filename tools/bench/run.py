#!/usr/bin/env python3
"""Benchmarks side by side: NVIDIA's real GXF (and Holoscan) against our engine, as ratios.

    python tools/bench/run.py                  # every scenario, 5 reps each side
    python tools/bench/run.py --quick          # ~30 s smoke run (small N, 3 reps)
    python tools/bench/run.py --quick --ours-only     # no reference venv needed (CI)
    python tools/bench/run.py --only ping/ --reps 7 --json out.json

Every scenario runs the SAME graph YAML (tools/bench/graphs/) on both engines; the Python
ping runs our PyCodeletV0 codelets against Holoscan Python operators.  Each side is first
verified by an untimed run with JobStatistics (tx and rx tick counts), then the timed runs
alternate reference, ours, reference, ours...; each run is a fresh process and times only
the graph run (RunAsync + Wait, not load or activation).  Printed: a table of medians,
us per tx message and the ratio ours/reference (below 1: ours is faster); written: a JSON
file of every run.  A scenario our engine cannot load yet (missing scheduler/component)
shows as n/a with the error text.

The reference side lives in a cached venv (refvenv.py: ~/.cache/gxf-bench/refgxf-venv or
$GXF_BENCH_REF_VENV), built on first use from PyPI's holoscan-cu12 wheel.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refvenv  # noqa: E402
import scenarios  # noqa: E402
import sides  # noqa: E402

DEFAULT_JSON = os.path.join(os.path.expanduser("~"), ".cache", "gxf-bench", "last-run.json")


def log(msg: str) -> None:
    """Progress line on stderr."""
    print(msg, file=sys.stderr, flush=True)


def parse_args(argv=None) -> argparse.Namespace:
    """Command line options."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small N, 3 reps: a ~30 s smoke run")
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--ours-only", action="store_true",
                       help="run our engine only (no reference venv is built or used)")
    which.add_argument("--gxf-only", action="store_true",
                       help="run the reference side (GXF/Holoscan) only")
    ap.add_argument("--only", action="append", default=[], metavar="PREFIX",
                    help="scenarios whose key (graph/scheduler, e.g. ping/greedy) starts "
                         "with PREFIX; may repeat")
    ap.add_argument("--reps", type=int, default=None,
                    help=f"timed runs per side (default {scenarios.FULL_REPS}, "
                         f"{scenarios.QUICK_REPS} with --quick)")
    ap.add_argument("--n", type=int, default=None, help="override every scenario's N")
    ap.add_argument("--verify-each", action="store_true",
                    help="also load JobStatistics into every timed run and check its counts "
                         "(adds its overhead to both sides)")
    ap.add_argument("--json", default=DEFAULT_JSON, metavar="FILE",
                    help=f"write all runs here (default {DEFAULT_JSON})")
    ap.add_argument("--list", action="store_true", help="list the scenarios and exit")
    return ap.parse_args(argv)


def new_side(engine: str) -> dict:
    """Empty record of one side of a scenario."""
    return {"engine": engine, "status": "pending", "error": None, "verify": None,
            "runs": [], "run_s": [], "median_s": None, "us_per_msg": None}


def prepare_reference(args) -> tuple[str | None, str | None]:
    """(reference python, setup error): builds the cached venv unless --ours-only."""
    if args.ours_only:
        return None, None
    try:
        return refvenv.ensure_venv(log), None
    except (RuntimeError, OSError) as e:
        return None, f"reference venv setup failed: {e}"


def verify_side(side: dict, scenario, n: int, ref_python) -> bool:
    """Run the untimed verification of a side; True when it may be timed."""
    v = sides.verify(side["engine"], scenario, n, ref_python)
    side["verify"] = {"ok": v["ok"], "note": v["note"], "result": v["result"]}
    log(f"  verify {side['engine']}: {'OK' if v['ok'] else 'FAILED'} {v['note']}")
    if not v["ok"]:
        side["status"] = sides.failure_status(side["engine"], v["result"] or {})
        side["error"] = v["note"]
    return v["ok"]


def timed_run(side: dict, scenario, n: int, ref_python, verify_each: bool) -> None:
    """One timed run of a side, appended to its record."""
    r = sides.run_side(side["engine"], scenario, n, ref_python, with_stats=verify_each)
    side["runs"].append(r)
    if r.get("ok") and r.get("run_s") is not None:
        side["run_s"].append(r["run_s"])
        log(f"    {side['engine']:8s} {r['run_s']:.4f} s")
    else:
        side["status"] = sides.failure_status(side["engine"], r)
        side["error"] = side["error"] or sides.error_text(r)
        log(f"    {side['engine']:8s} FAILED {side['error']}")


def finish_side(side: dict, n: int) -> None:
    """Median and us per tx message; status ok when nothing failed."""
    if side["run_s"]:
        side["median_s"] = statistics.median(side["run_s"])
        side["us_per_msg"] = side["median_s"] / n * 1e6
    if side["status"] == "pending":
        side["status"] = "ok" if side["run_s"] else "FAIL"


def measure(scenario, args, ref_python, ref_error) -> dict:
    """Verify, then time one scenario on its sides, alternating; returns its record."""
    n = args.n or scenario.count(args.quick)
    reps = args.reps or (scenarios.QUICK_REPS if args.quick else scenarios.FULL_REPS)
    engines = ([] if args.ours_only else [scenario.reference]) + \
              ([] if args.gxf_only else ["ours"])
    rec = {"key": scenario.key, "title": scenario.title, "graph": scenario.graph,
           "scheduler": scenario.scheduler, "N": n, "per_msg": scenario.per_msg,
           "reps": reps, "reference": scenario.reference,
           "sides": {e: new_side(e) for e in engines}}
    log(f"[{scenario.key}] N={n:,} reps={reps}")
    active = []
    for engine, side in rec["sides"].items():
        if engine != "ours" and ref_error:
            side.update(status="n/a", error=ref_error)
        elif verify_side(side, scenario, n, ref_python):
            active.append(side)
    for _ in range(reps):
        for side in active:
            timed_run(side, scenario, n, ref_python, args.verify_each)
    for side in rec["sides"].values():
        finish_side(side, n)
    rec["ratio"] = ratio(rec)
    return rec


def ratio(rec: dict) -> float | None:
    """ours median / reference median when both sides are ok."""
    ours, ref = rec["sides"].get("ours"), rec["sides"].get(rec["reference"])
    if ours and ref and ours["status"] == ref["status"] == "ok":
        return ours["median_s"] / ref["median_s"]
    return None


def cell(side: dict | None, value: float | None, fmt: str) -> str:
    """Table cell for one side: the value, or its status (n/a, FAIL), or '-'."""
    if side is None:
        return "-"
    if side["status"] != "ok":
        return side["status"]
    return format(value, fmt)


def ratio_text(rec: dict, ref: dict | None, ours: dict | None) -> str:
    """Ratio cell: the ratio, '-' when a side was not run, 'n/a' when one did not finish."""
    if rec["ratio"] is not None:
        return f"{rec['ratio']:.2f}"
    return "-" if ref is None or ours is None else "n/a"


def table(records: list[dict]) -> str:
    """Markdown table of all scenarios, then notes for sides that did not run cleanly."""
    lines = ["| scenario | N | scheduler | GXF median s | ours median s | GXF us/msg | "
             "ours us/msg | ours/GXF |", "|---|---:|---|---:|---:|---:|---:|---:|"]
    notes = []
    for r in records:
        ref, ours = r["sides"].get(r["reference"]), r["sides"].get("ours")
        title = r["title"] + (" (ref: Holoscan Python ops)" if r["reference"] == "holoscan"
                              else "")
        ratio_cell = ratio_text(r, ref, ours)
        lines.append(f"| {title} | {r['N']:,} | {r['scheduler']} | "
                     f"{cell(ref, ref and ref['median_s'], '.4f')} | "
                     f"{cell(ours, ours and ours['median_s'], '.4f')} | "
                     f"{cell(ref, ref and ref['us_per_msg'], '.3f')} | "
                     f"{cell(ours, ours and ours['us_per_msg'], '.3f')} | {ratio_cell} |")
        for side in r["sides"].values():
            if side["status"] != "ok":
                notes.append(f"- {r['key']} {side['engine']}: {side['status']}: "
                             f"{side['error']}")
    return "\n".join(lines + ([""] + notes if notes else []))


def meta(args, ref_python) -> dict:
    """Run-wide facts for the JSON file."""
    return {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "host": platform.node(),
            "cpus": os.cpu_count(), "python": sys.version.split()[0],
            "quick": args.quick, "ours_only": args.ours_only, "gxf_only": args.gxf_only,
            "verify_each": args.verify_each, "ref_venv": ref_python and refvenv.venv_dir(),
            "ref_requirements": refvenv.REQUIREMENTS,
            "timed": "graph run only: RunAsync+Wait (Holoscan: first start() to last stop())"}


def write_json(path: str, payload: dict) -> None:
    """Write the JSON report, creating its folder."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        json.dump(payload, f, indent=1)


def exit_code(records: list[dict]) -> int:
    """1 when any side FAILed (wrong counts, run errors); n/a alone is not a failure."""
    return 1 if any(s["status"] == "FAIL" for r in records for s in r["sides"].values()) else 0


def main(argv=None) -> int:
    """Command line entry point."""
    args = parse_args(argv)
    chosen = scenarios.select(args.only)
    if args.list or not chosen:
        for s in scenarios.SCENARIOS:
            print(f"{s.key:20s} N={s.n:,} (quick {s.quick_n:,})  {s.title}")
        return 0 if args.list else 2
    ref_python, ref_error = prepare_reference(args)
    if ref_error:
        log(ref_error)
    t0 = time.perf_counter()
    records = [measure(s, args, ref_python, ref_error) for s in chosen]
    payload = {"meta": {**meta(args, ref_python), "wall_s": time.perf_counter() - t0},
               "scenarios": records}
    write_json(args.json, payload)
    print(table(records))
    print(f"\nJSON: {args.json}")
    return exit_code(records)


if __name__ == "__main__":
    sys.exit(main())
