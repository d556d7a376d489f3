# SPDX-License-Identifier: Apache-2.0
"""The stall explainer: gxe.py --explain, and the report printed on its own after a stalled
run or Ctrl-C."""

import os
import re
import signal
import subprocess
import sys

import pytest

from gxf.tools.explain import EntityState, TermState, format_report, is_stalled
from gxf_test_support import MANIFEST, REPO, run_gxe

PING = os.path.join(REPO, "graphs", "ping.yaml")

# tx sends 3 messages; rx waits for 5 at once, so it never ticks and the 3 stay pending.
STARVED = """
name: tx
components:
- name: signal
  type: nvidia::gxf::DoubleBufferTransmitter
- name: ping
  type: nvidia::gxf::PingTx
  parameters: {signal: signal}
- name: count
  type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 3}
---
name: rx
components:
- name: signal
  type: nvidia::gxf::DoubleBufferReceiver
  parameters: {capacity: 8}
- name: wait
  type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: signal, min_size: 5}
- name: ping
  type: nvidia::gxf::PingRx
  parameters: {signal: signal}
---
components:
- type: nvidia::gxf::Connection
  parameters: {source: tx/signal, target: rx/signal}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::ManualClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock, max_duration_ms: 5000}
"""

FOREVER = """
name: tick
components:
- type: nvidia::gxf::HelloWorld
- name: every
  type: nvidia::gxf::PeriodicSchedulingTerm
  parameters: {recess_period: 10s}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::RealtimeClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock}
"""


def interrupt_gxe(path, after_line, extra_args=()):
    """Run gxe.py on a graph, send SIGINT once it prints `after_line` and return its stderr
    (fails the test if it does not stop)."""
    process = subprocess.Popen([sys.executable, "-m", "gxf.gxe", "--app", path, "--manifest",
                                MANIFEST, "--severity", "1", *extra_args],
                               stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        for line in process.stdout:
            if after_line in line:
                break
        process.send_signal(signal.SIGINT)
        return process.communicate(timeout=30)[1]
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("gxe.py did not stop after SIGINT")


@pytest.mark.parametrize("scheduler", ["GreedyScheduler", "MultiThreadScheduler",
                                       "EventBasedScheduler"])
def test_stalled_run_with_a_pending_message_explains_itself(write_graph, scheduler):
    graph = STARVED
    if scheduler != "GreedyScheduler":
        # RealtimeClock: the multi-thread scheduler's deadlock grace period does not pass on
        # a ManualClock nothing advances.
        graph = graph.replace("GreedyScheduler", scheduler).replace(
            "ManualClock", "RealtimeClock").replace(
            "max_duration_ms: 5000}", "max_duration_ms: 5000, stop_on_deadlock: true}")
    result = run_gxe(write_graph(graph), extra_args=["--severity", "1"])
    assert result.returncode == 0, result.output  # GXF ends such a run normally
    report = result.stderr
    assert "stall report: deadlock" in report
    assert "entity 'rx': WAIT, started, never ticked" in report
    assert ("why: kept waiting by 'rx/wait' WAIT ('rx/signal' holds 3 of the 5 needed "
            "(capacity 8))") in report
    assert "pending: 3 message(s) in 'rx/signal'" in report
    assert ("term 'rx/wait' (MessageAvailableSchedulingTerm): WAIT - 'rx/signal' holds 3 of the "
            "5 needed (capacity 8)") in report
    assert "waits for: 'tx' (NEVER)" in report
    assert "term 'tx/count' (CountSchedulingTerm): NEVER - 0 of 3 ticks left" in report


def test_a_run_ended_by_max_duration_is_no_deadlock(write_graph):
    # tx could still tick (it is periodic) when max_duration ends the run: no report, even
    # though rx holds messages it waits to have more of.
    graph = STARVED.replace("CountSchedulingTerm\n  parameters: {count: 3}",
                            "PeriodicSchedulingTerm\n  parameters: {recess_period: 1ms}")
    graph = graph.replace("ManualClock", "RealtimeClock").replace(
        "max_duration_ms: 5000", "max_duration_ms: 100").replace("min_size: 5", "min_size: 500")
    result = run_gxe(write_graph(graph.replace("capacity: 8", "capacity: 1000")),
                     extra_args=["--severity", "1"])
    assert result.returncode == 0, result.output
    assert "stall report" not in result.output


def test_a_run_that_finished_its_work_prints_no_report():
    result = run_gxe(PING, extra_args=["--severity", "1"])
    assert result.returncode == 0
    assert "stall report" not in result.output


def test_explain_flag_reports_every_entity_after_a_normal_run():
    result = run_gxe(PING, extra_args=["--severity", "1", "--explain"])
    assert result.returncode == 0, result.output
    assert "stall report: the graph stopped" in result.stderr
    assert "entity 'tx': NEVER, ticked 10 time(s)" in result.stderr
    assert "codelet 'rx/ping' (PingRx): 10 tick(s)" in result.stderr
    assert "DownstreamReceptiveSchedulingTerm): READY - downstream 'rx/signal' holds 0 of " \
        "capacity 1" in result.stderr


def test_explain_flag_reports_a_failed_run(write_graph, tmp_path):
    (tmp_path / "broken.py").write_text(
        "from gxf.python_codelet import CodeletAdapter\n\n\n"
        "class Broken(CodeletAdapter):\n"
        "    def tick(self):\n"
        "        raise RuntimeError('broken on purpose')\n")
    path = write_graph("""
name: broken
components:
- name: codelet
  type: nvidia::gxf::PyCodeletV0
  parameters: {codelet_name: Broken, codelet_file: broken.py}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 3}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::RealtimeClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock}
""")
    result = run_gxe(path, extra_args=["--severity", "0", "--explain"])
    assert result.returncode == 1
    assert "broken on purpose" in result.stderr
    assert "stall report: the run failed" in result.stderr
    assert "term 'broken/" in result.stderr


def test_ctrl_c_prints_the_report_with_the_time_to_the_next_period(write_graph):
    # SIGINT after the first tick has logged (not after a fixed delay, which a loaded or
    # sanitizer-instrumented machine can spend still importing).
    stderr = interrupt_gxe(write_graph(FOREVER), after_line="Hello world",
                           extra_args=["--severity", "3"])
    assert "stall report: interrupted (Ctrl-C)" in stderr
    assert "term 'tick/every' (PeriodicSchedulingTerm): WAIT_TIME - period 10s; next in" in stderr
    assert "entity 'tick': WAIT_TIME, ticked 1 time(s)" in stderr


# Two entities whose start() takes its time, on the only worker: Ctrl-C while the first one
# (whichever the scheduler picks) is in its start() leaves the other never started. (The greedy
# scheduler visits every entity in the pass it is in.)
SLOW_START_ENTITY = """
name: {name}
components:
- name: codelet
  type: nvidia::gxf::PyCodeletV0
  parameters: {{codelet_name: SlowStart, codelet_file: slow_start.py,
               codelet_params: {{name: {name}}}}}
- name: count
  type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: 1}}
"""
SLOW_START = "---".join([SLOW_START_ENTITY.format(name="one"),
                         SLOW_START_ENTITY.format(name="two"), """
name: scheduler
components:
- name: clock
  type: nvidia::gxf::RealtimeClock
- type: nvidia::gxf::MultiThreadScheduler
  parameters: {clock: clock, worker_thread_number: 1}
"""])


def test_ctrl_c_before_an_entity_started_says_it_never_started_and_why(write_graph, tmp_path):
    (tmp_path / "slow_start.py").write_text(
        "import time\n\nfrom gxf.python_codelet import CodeletAdapter\n\n\n"
        "class SlowStart(CodeletAdapter):\n"
        "    def start(self):\n"
        "        print('slow start begins:', self.get_params()['name'], flush=True)\n"
        "        time.sleep(3)\n\n"
        "    def tick(self):\n"
        "        pass\n")
    # Interrupted once the first entity is inside its start(); a grace longer than that
    # start(), or gxe would name the call as stuck instead.
    process = subprocess.Popen([sys.executable, "-m", "gxf.gxe", "--app", write_graph(SLOW_START),
                                "--manifest", MANIFEST, "--severity", "1",
                                "--interrupt-grace", "20"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        first = None
        for line in process.stdout:
            if line.startswith("slow start begins:"):
                first = line.split(":", 1)[1].strip()
                break
        process.send_signal(signal.SIGINT)
        stderr = process.communicate(timeout=30)[1]
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("gxe.py did not stop after SIGINT")
    other = {"one": "two", "two": "one"}[first]
    assert "stall report: interrupted (Ctrl-C)" in stderr
    assert f"entity '{other}': READY, never started" in stderr, stderr
    assert ("why: the run stopped before the scheduler first executed it (an entity starts on "
            "its first visit, whatever its terms say)" in stderr), stderr
    assert f"term '{other}/count' (CountSchedulingTerm): READY" in stderr, stderr
    assert f"entity '{first}': READY, started, never ticked" in stderr, stderr


def test_an_entity_whose_start_failed_is_reported_as_never_started(write_graph, tmp_path):
    (tmp_path / "bad_start.py").write_text(
        "from gxf.python_codelet import CodeletAdapter\n\n\n"
        "class BadStart(CodeletAdapter):\n"
        "    def start(self):\n"
        "        raise RuntimeError('cannot start on purpose')\n\n"
        "    def tick(self):\n"
        "        pass\n")
    path = write_graph(SLOW_START.replace("codelet_name: SlowStart, codelet_file: slow_start.py",
                                          "codelet_name: BadStart, codelet_file: bad_start.py"))
    result = run_gxe(path, extra_args=["--severity", "0", "--explain"])
    assert result.returncode == 1
    assert "cannot start on purpose" in result.stderr
    # The entity the scheduler visited first fails to start; the other one never starts.
    assert re.search(r"entity '(one|two)': READY, never started \(its start\(\) failed\)",
                     result.stderr), result.stderr
    assert "why: a codelet's start() failed (its error is above)" in result.stderr


def _state(name, condition, ticks=0, started="started", pending=None):
    term = TermState(f"{name}/wait", "nvidia::gxf::MessageAvailableSchedulingTerm", condition,
                     0, "", [])
    return EntityState(name, ticks, condition, [term], pending or {}, [], started)


def test_a_deadlock_counts_never_started_and_never_ticked_entities_as_work_left():
    done = _state("done", "NEVER", ticks=5)
    assert not is_stalled([done, _state("idle", "WAIT", ticks=3)])
    assert is_stalled([done, _state("idle", "WAIT", ticks=3, pending={"idle/in": 1})])
    assert is_stalled([done, _state("idle", "WAIT", ticks=3),
                       _state("cold", "WAIT", started="never started")])
    assert is_stalled([done, _state("stuck", "WAIT")])  # started, never ticked
    assert not is_stalled([done, _state("soon", "WAIT_TIME", started="never started")])
    report = format_report([_state("cold", "WAIT", started="never started"),
                            _state("stuck", "WAIT")], "deadlock")
    assert "entity 'cold': WAIT, never started" in report
    assert "entity 'stuck': WAIT, started, never ticked" in report
