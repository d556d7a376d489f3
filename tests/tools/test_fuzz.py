# SPDX-License-Identifier: Apache-2.0
"""The graph fuzzer (tools/fuzz.py): its verdicts, its shrinking, and a bounded run in CI
that must find no crash, hang, traceback from our code or unlocated error."""

import os
import random
import sys
from pathlib import Path

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "tools"))

import fuzz  # noqa: E402

# Mutants in the CI run; `python tools/fuzz.py --count N` runs more on demand.
CI_MUTANTS = int(os.environ.get("GXF_FUZZ_COUNT", "300"))

OUR_TRACEBACK = """Traceback (most recent call last):
  File "{ours}python_codelet/loader.py", line 73, in load_codelet_class
AttributeError: boom
"""
USER_TRACEBACK = """gxe.py: error: GXF_FAILURE: Python codelet failed: entity 'rx'
Traceback (most recent call last):
  File "{ours}python_codelet/codelet.py", line 10, in tick
  File "/home/me/graphs/codelets/ping.py", line 5, in tick
ValueError: user bug
"""


OUR_TRACEBACK = OUR_TRACEBACK.format(ours=fuzz.OUR_PACKAGE[0])
USER_TRACEBACK = USER_TRACEBACK.format(ours=fuzz.OUR_PACKAGE[0])


def test_judge_names_each_defect():
    assert fuzz.judge(-11, "", "g.yaml") == "crash"
    assert fuzz.judge(134, "", "g.yaml") == "crash"
    assert fuzz.judge(1, "x.cpp:3:5: runtime error: signed integer overflow g.yaml", "g.yaml") \
        == "crash"
    assert fuzz.judge(1, OUR_TRACEBACK + "g.yaml", "g.yaml") == "traceback"
    assert fuzz.judge(1, "gxe.py: error: GXF_FAILURE", "g.yaml") == "unlocated"
    assert fuzz.judge(-2, "", "g.yaml") == "crash"  # SIGINT nobody sent


def test_judge_accepts_located_errors_and_user_tracebacks():
    assert fuzz.judge(0, "", "g.yaml") == ""
    assert fuzz.judge(1, "error: g.yaml:3: entity 'tx' ...", "g.yaml") == ""
    assert fuzz.judge(1, USER_TRACEBACK, "g.yaml") == ""
    # Too slow, interrupted by the harness: dying of that SIGINT is stopping as asked.
    assert fuzz.judge(-2, OUR_TRACEBACK + "KeyboardInterrupt", "g.yaml", interrupted=True) == ""


def test_mutants_differ_from_their_source_and_stay_reproducible():
    source = os.path.join(REPO, "graphs", "ping.yaml")
    text = Path(source).read_text()
    first = [fuzz.make_mutant(text, random.Random(seed))[0] for seed in range(20)]
    again = [fuzz.make_mutant(text, random.Random(seed))[0] for seed in range(20)]
    assert first == again
    assert sum(mutant != text for mutant in first) >= 18


def test_shrink_keeps_only_what_the_defect_needs(tmp_path, monkeypatch):
    # A stand-in run: "crash" whenever a component of type Bad is present.
    def fake_run(path, timeout, grace, cwd):
        bad = "type: Bad" in Path(path).read_text()
        return fuzz.Outcome("crash" if bad else "", -11 if bad else 0, "", 0.0)

    monkeypatch.setattr(fuzz, "run_mutant", fake_run)
    docs = [{"name": "a", "components": [{"name": "x", "type": "Good", "parameters": {"k": 1}},
                                         {"name": "y", "type": "Bad", "parameters": {"k": 2}}]},
            {"name": "b", "components": [{"name": "z", "type": "Good"}]}]
    small = list(yaml.safe_load_all(fuzz.shrink(fuzz.dump(docs), "crash", str(tmp_path),
                                                1, 1, str(tmp_path))))
    assert small == [{"name": "a", "components": [{"name": "y", "type": "Bad", "parameters": {}}]}]
    assert list(tmp_path.iterdir()) == []  # no candidate file left behind


def test_bounded_fuzz_run_finds_no_defect(tmp_path):
    found, tally = fuzz.fuzz(CI_MUTANTS, seed=1, jobs=2, timeout=4.0, grace=5.0,
                             out_dir=str(tmp_path / "failures"), log=print)
    assert tally["ok"] + tally["error"] + sum(map(len, found.values())) == CI_MUTANTS
    assert tally["ok"] > 0 and tally["error"] > 0  # the mutants exercise both outcomes
    assert found == {defect: [] for defect in fuzz.DEFECTS}, found
