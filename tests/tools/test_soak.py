"""The scheduler soak tool (tools/soak/soak.py), bounded: random graphs, worker counts and
interrupts; every message delivered exactly once and every run ends. The 10-minute run is
`python tools/soak/soak.py --minutes 10`."""

import os
import subprocess
import sys

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
