"""tools/bench/scaling.py must keep working: a small ours-only run (each scheduler's graph
verified by JobStatistics first), with rounds (--repeat) and the independent-processes
ceiling."""

import json
import os
import statistics
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCALING = os.path.join(REPO, "tools", "bench", "scaling.py")


def test_small_run_reports_every_case_with_its_rounds(tmp_path):
    out = tmp_path / "scaling.json"
    process = subprocess.run(
        [sys.executable, SCALING, "--workers", "1", "2", "--chains", "2", "--n", "300",
         "--loads", "trivial", "--engines", "ours", "--repeat", "2", "--independent",
         "--json-out", str(out)],
        capture_output=True, text=True, timeout=300)
    assert process.returncode == 0, process.stdout + process.stderr
    rows = json.loads(out.read_text())["rows"]
    cases = {(r["scheduler"], r["workers"]) for r in rows}
    assert cases == {("greedy", 1), ("multi_thread", 1), ("multi_thread", 2),
                     ("event_based", 1), ("event_based", 2), ("independent", 1),
                     ("independent", 2)}
    for row in rows:
        assert len(row["runs_s"]) == 2, row
        assert row["run_s"] == statistics.median(row["runs_s"]), row
        assert row["msgs_per_s"] > 0
    # The markdown table names every scheduler, speed-ups included.
    assert "| trivial | ours | independent |" in process.stdout
    assert "| trivial | ours | event_based |" in process.stdout


def test_a_count_below_one_is_refused_without_a_traceback():
    process = subprocess.run([sys.executable, SCALING, "--repeat", "0"],
                             capture_output=True, text=True, timeout=60)
    assert process.returncode == 2
    assert "argument --repeat: expected an integer >= 1, got 0" in process.stderr
    assert "Traceback" not in process.stderr


def test_a_copy_whose_partners_never_come_ends_at_its_timeout(tmp_path):
    """ours_child's start barrier: a copy waiting for a second that never starts gives up
    after --timeout with a message naming the barrier, instead of waiting forever."""
    sys.path.insert(0, os.path.join(REPO, "tools", "bench"))
    import scaling

    graph = tmp_path / "one.yaml"
    scaling.write_graph(str(graph), scaling.app_documents("trivial", 1, 10, 20) +
                        [scaling.scheduler_document("greedy", 1)])
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    process = subprocess.run(
        [sys.executable, os.path.join(REPO, "tools", "bench", "ours_child.py"),
         "--graph", str(graph), "--timeout", "1", "--barrier", f"{barrier}:2"],
        capture_output=True, text=True, timeout=60)
    assert process.returncode != 0
    assert "the other copies never became ready" in process.stderr
    assert len(list(barrier.iterdir())) == 1  # it announced itself


def test_a_malformed_barrier_is_refused_without_a_traceback(tmp_path):
    process = subprocess.run(
        [sys.executable, os.path.join(REPO, "tools", "bench", "ours_child.py"),
         "--graph", "unused.yaml", "--barrier", f"{tmp_path}:none"],
        capture_output=True, text=True, timeout=60)
    assert process.returncode == 2
    assert "expected DIR:COUNT" in process.stderr
    assert "Traceback" not in process.stderr
