"""The side-by-side bench runner (tools/bench/) must keep working: run its ours-only smoke."""

import json
import os
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(REPO, "tools", "bench")
sys.path.insert(0, BENCH)

import gen_graphs  # noqa: E402
import scenarios  # noqa: E402
import sides  # noqa: E402

QUICK_TIMEOUT_S = 300


def test_graph_files_match_generator():
    """graphs/chain10.yaml and fanout4.yaml are what gen_graphs.py writes."""
    assert gen_graphs.main(["--check"]) == 0


def test_scenarios_cover_the_issue():
    """Every required scenario is listed (they show as n/a when unsupported, never dropped)."""
    keys = {s.key for s in scenarios.SCENARIOS}
    assert {"ping/greedy", "ping/multithread", "ping/ebs", "chain10/greedy",
            "fanout4/greedy", "pyping/greedy", "pyping/ebs"} <= keys
    assert scenarios.find("ping/greedy").n == 1_000_000
    for s in scenarios.SCENARIOS:
        for path in s.graph_files():
            assert os.path.exists(path), path


def test_count_check_rejects_wrong_counts():
    """A run whose rx tick count is off fails verification."""
    fan = scenarios.find("fanout4/greedy")
    assert sides.check_counts({"tx": 10, "rx": 40}, fan, 10)[0]
    assert not sides.check_counts({"tx": 10, "rx": 39}, fan, 10)[0]
    assert not sides.check_counts({"tx": 10}, fan, 10)[0]


def test_failure_status_separates_missing_features_from_failures():
    """A load failure on our side is n/a; a run failure is FAIL."""
    load_fail = {"stages": {"context_create": "GXF_SUCCESS", "load_graph": "ValueError: x"}}
    run_fail = {"stages": {"activate": "GXF_SUCCESS", "wait": "ValueError: y"}}
    assert sides.failure_status("ours", load_fail) == "n/a"
    assert sides.failure_status("ours", run_fail) == "FAIL"


def test_quick_ours_only_smoke(tmp_path):
    """`run.py --quick --ours-only` verifies and times our native and Python ping."""
    out = tmp_path / "bench.json"
    p = subprocess.run([sys.executable, os.path.join(BENCH, "run.py"), "--quick",
                        "--ours-only", "--json", str(out)],
                       capture_output=True, text=True, timeout=QUICK_TIMEOUT_S, cwd=REPO)
    assert p.returncode == 0, p.stdout + p.stderr[-3000:]
    assert "| ping |" in p.stdout
    report = json.loads(out.read_text())
    by_key = {r["key"]: r for r in report["scenarios"]}
    assert set(by_key) == {s.key for s in scenarios.SCENARIOS}
    for key in ("ping/greedy", "pyping/greedy"):
        ours = by_key[key]["sides"]["ours"]
        assert ours["status"] == "ok", (key, ours["error"])
        assert ours["verify"]["ok"], (key, ours["verify"]["note"])
        assert len(ours["run_s"]) == by_key[key]["reps"]
        assert ours["median_s"] > 0
    for rec in by_key.values():
        assert rec["sides"]["ours"]["status"] in ("ok", "n/a"), rec["sides"]["ours"]["error"]


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
