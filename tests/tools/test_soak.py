"""The scheduler soak tool (tools/soak/soak.py), bounded: random graphs, worker counts and
interrupts; every message delivered exactly once and every run ends. The 10-minute run is
`python tools/soak/soak.py --minutes 10`."""

import os
import random
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOAK = os.path.join(REPO, "tools", "soak", "soak.py")
sys.path.insert(0, os.path.dirname(SOAK))

import soak  # noqa: E402


def test_short_soak_delivers_every_message_exactly_once():
    process = subprocess.run([sys.executable, SOAK, "--seconds", "15", "--runs", "16",
                              "--seed", "20261130", "--timeout", "60"],
                             capture_output=True, text=True, timeout=300)
    assert process.returncode == 0, process.stdout + process.stderr
    assert ", 0 failed" in process.stdout


def test_count_check_catches_a_lost_and_a_duplicated_message():
    case = {"chains": 1, "forwards": 1, "n": 10, "interrupt_s": None}
    assert soak.check_counts(case, {"tx0": 10, "f0_0": 10, "rx0": 10}) == []
    assert soak.check_counts(case, {"tx0": 10, "f0_0": 10, "rx0": 9})
    interrupted = dict(case, interrupt_s=0.01)
    assert soak.check_counts(interrupted, {"tx0": 7, "f0_0": 6, "rx0": 4}) == []
    assert soak.check_counts(interrupted, {"tx0": 7, "f0_0": 8, "rx0": 4})  # duplicated
    assert soak.check_counts(interrupted, {"tx0": 9, "f0_0": 5, "rx0": 4})  # lost


def test_cases_cover_every_scheduler_worker_count_pinning_and_interrupt():
    cases = [soak.make_case(random.Random(seed)) for seed in range(600)]
    assert {case["kind"] for case in cases} == {"multi_thread", "event_based", "epoch"}
    parallel = [case for case in cases if case["kind"] != "epoch"]
    assert {case["workers"] for case in parallel} == set(range(1, soak.MAX_WORKERS + 1))
    assert any(case["pinned"] for case in parallel)
    assert {case["interrupt_s"] is None for case in cases} == {True, False}


@pytest.mark.parametrize("case", [
    {"kind": "epoch", "epoch_budget_ms": 5, "interrupt_s": None},
    {"kind": "epoch", "epoch_budget_ms": 20, "interrupt_s": 0.01},
    {"kind": "multi_thread", "workers": 3, "recession_ms": 0, "strict_pinning": True,
     "pinned": ["f0_0", "rx1"], "pool_free_slots": 1, "interrupt_s": None},
    {"kind": "event_based", "workers": 2, "pinned": ["tx0", "f1_0"], "interrupt_s": 0.0},
])
def test_epoch_and_pinned_runs_deliver_every_message_exactly_once(case):
    case = {"workers": 1, "chains": 2, "forwards": 1, "n": 200, "recession_ms": None,
            "strict_pinning": None, "epoch_budget_ms": None, "pinned": [],
            "pool_free_slots": 0, **case}
    problems, delivered = soak.run_case(case, timeout=60)
    assert problems == []
    if case["interrupt_s"] is None:
        assert delivered == 2 * 200
