"""Running one side of a scenario in a fresh child process, and verifying its counts.

Sides ("engines"):
  gxf       real NVIDIA GXF through ctypes (gxf_child.py, reference venv's python)
  holoscan  Holoscan Python operators on real GXF (holoscan_child.py, reference venv)
  ours      our engine through gxf.core (ours_child.py, the runner's own python)

Verification: a separate, untimed run with graphs/stats.yaml (JobStatistics) loaded after
the scenario's graphs; its JSON must show tx ticked N times and rx N * per_msg times.
Holoscan runs, and our Python ping runs, also check the received count in every run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

import protocol
from scenarios import HERE, STATS_GRAPH, Scenario

CHILD = {"gxf": "gxf_child.py", "holoscan": "holoscan_child.py", "ours": "ours_child.py"}
SETUP_STAGES = ("import", "context_create", "load_extensions", "load_graph", "activate")
GRACE_S = 30.0


def child_python(engine: str, ref_python: str | None) -> str:
    """Interpreter for an engine's child: the reference venv's, or our own."""
    return sys.executable if engine == "ours" else ref_python


def child_env(engine: str) -> dict:
    """Environment for a child; reference children don't see our PYTHONPATH."""
    env = dict(os.environ)
    if engine != "ours":
        env.pop("PYTHONPATH", None)
    return env


def graph_command(engine: str, scenario: Scenario, n: int, ref_python: str | None,
                  stats_json: str | None) -> list[str]:
    """Child command line for a graph-file side (gxf or ours)."""
    cmd = [child_python(engine, ref_python), os.path.join(HERE, CHILD[engine]),
           "--timeout", str(scenario.timeout_s)]
    graphs = scenario.graph_files() + ([STATS_GRAPH] if stats_json else [])
    params = scenario.overrides(n)
    if stats_json:
        params.append(f"stats/jobstats/json_file_path={stats_json}")
    for g in graphs:
        cmd += ["--graph", g]
    for p in params:
        cmd += ["--param", p]
    if engine == "ours" and scenario.python:
        cmd += ["--pyrx-check", str(n)]
    return cmd


def holoscan_command(scenario: Scenario, n: int, ref_python: str) -> list[str]:
    """Child command line for the Holoscan side."""
    return [ref_python, os.path.join(HERE, CHILD["holoscan"]), "--count", str(n),
            "--scheduler", scenario.scheduler]


def run_child(cmd: list[str], timeout_s: float, env: dict) -> dict:
    """Run a child; its result line as a dict (ok False with an error when none came)."""
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, env=env)
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"child killed after {timeout_s:.0f} s"}
    result = protocol.parse(p.stdout)
    if result is None:
        tail = (p.stderr or p.stdout).strip()[-600:]
        return {"ok": False, "error": f"no result line (rc={p.returncode}): {tail}"}
    if not result.get("ok"):
        result["stderr_tail"] = p.stderr.strip()[-600:]
    return result


def stats_counts(path: str) -> dict:
    """Entity name -> tick count from a JobStatistics JSON file."""
    with open(path) as f:
        stats = json.load(f)
    return {e.get("name"): e.get("count") for e in stats.get("entities", [])}


def check_counts(counts: dict, scenario: Scenario, n: int) -> tuple[bool, str]:
    """Whether tx ticked n times and rx n * per_msg times; with a note."""
    want_rx = n * scenario.per_msg
    ok = counts.get("tx") == n and counts.get("rx") == want_rx
    note = f"tx={counts.get('tx')} rx={counts.get('rx')}"
    return ok, note if ok else f"{note}, expected tx={n} rx={want_rx}"


def run_side(engine: str, scenario: Scenario, n: int, ref_python: str | None,
             with_stats: bool = False) -> dict:
    """One run of one side; with_stats adds JobStatistics and checks its counts."""
    timeout = scenario.timeout_s + GRACE_S
    if engine == "holoscan":
        return run_child(holoscan_command(scenario, n, ref_python), timeout, child_env(engine))
    with tempfile.TemporaryDirectory() as td:
        stats_json = os.path.join(td, "jobstats.json") if with_stats else None
        cmd = graph_command(engine, scenario, n, ref_python, stats_json)
        result = run_child(cmd, timeout, child_env(engine))
        if with_stats and result.get("ok"):
            add_stats_check(result, stats_json, scenario, n)
    return result


def add_stats_check(result: dict, stats_json: str, scenario: Scenario, n: int) -> None:
    """Fold the JobStatistics tick-count check into a run's result."""
    try:
        ok, note = check_counts(stats_counts(stats_json), scenario, n)
    except (OSError, ValueError, AttributeError) as e:
        ok, note = False, f"no usable JobStatistics JSON: {e}"
    result["stats_check"] = {"ok": ok, "note": note}
    result["ok"] = ok


def verify(engine: str, scenario: Scenario, n: int, ref_python: str | None) -> dict:
    """Untimed verification of one side: {'ok', 'note', 'result'}."""
    if engine == "holoscan":
        return {"ok": True, "note": "every run checks rx's count and sum", "result": None}
    result = run_side(engine, scenario, n, ref_python, with_stats=True)
    if result.get("ok"):
        note = result["stats_check"]["note"]
    else:
        note = (result.get("stats_check") or {}).get("note") or error_text(result)
    return {"ok": bool(result.get("ok")), "note": note, "result": result}


def error_text(result: dict) -> str:
    """The first failed stage (or the error) of a child's result, as one line."""
    if result.get("error"):
        return result["error"]
    for stage, text in (result.get("stages") or {}).items():
        if text != protocol.SUCCESS:
            return f"{stage}: {text}"
    if result.get("timed_out"):
        return "graph interrupted at its timeout"
    check = result.get("check") or result.get("stats_check")
    if check and not check.get("ok"):
        return f"count check failed: {check}"
    return "failed"


def failure_status(engine: str, result: dict) -> str:
    """'n/a' when our engine could not set the graph up (missing feature), else 'FAIL'."""
    stages = result.get("stages") or {}
    failed = [s for s, text in stages.items() if text != protocol.SUCCESS]
    if engine == "ours" and failed and failed[0] in SETUP_STAGES:
        return "n/a"
    return "FAIL"
