# SPDX-License-Identifier: Apache-2.0
"""gxe.py: the command-line launcher and its three entry points."""

import os
import subprocess
import sys

import pytest

from gxf_test_support import MANIFEST, REPO, read_until, run_gxe

PING = os.path.join(REPO, "graphs", "ping.yaml")


def test_successful_run_prints_progress_and_exits_zero():
    result = run_gxe(PING, extra_args=["--severity", "3"])
    assert result.returncode == 0, result.output
    for line in ("creating context...", "loading extensions...", "activating graph...",
                 "running the graph...", "deactivating graph...", "done."):
        assert line in result.stdout
    assert "Message Received: 10" in result.stdout


def test_param_override_changes_a_parameter():
    result = run_gxe(PING, extra_args=["--severity", "3", "--param", "tx/ping/signal=signal",
                                       "--param=tx/nvidia::gxf::CountSchedulingTerm/count=3"])
    assert result.returncode == 0, result.output
    assert "Message Received: 3" in result.stdout
    assert "Message Received: 4" not in result.stdout


def test_console_script_and_std_path_run_the_same_graph():
    script = subprocess.run(["gxe.py", "--app", PING, "--manifest", MANIFEST, "--severity", "0"],
                            capture_output=True, text=True, timeout=60, cwd=REPO)
    assert script.returncode == 0, script.stderr
    std_path = os.path.join(REPO, "gxf", "std", "gxe.py")
    direct = subprocess.run([sys.executable, std_path, "--app", PING, "--manifest", MANIFEST,
                             "--severity", "0"], capture_output=True, text=True, timeout=60)
    assert direct.returncode == 0, direct.stderr


def test_missing_manifest_is_an_error():
    result = run_gxe(PING, manifest="/nowhere/manifest.yaml")
    assert result.returncode == 1
    assert "cannot read manifest" in result.stderr


@pytest.mark.parametrize("severity", ["7", "-2"])
def test_out_of_range_severity_is_rejected(severity):
    result = run_gxe(PING, extra_args=["--severity", severity])
    assert result.returncode == 1


def test_log_file_receives_the_log(tmp_path):
    log = tmp_path / "gxf.log"
    result = run_gxe(PING, extra_args=["--severity", "3", "--log_file", str(log)])
    assert result.returncode == 0
    assert "Message Received: 10" in log.read_text()


def test_sigint_interrupts_a_never_ending_graph_and_exits_cleanly(tmp_path):
    graph = tmp_path / "forever.yaml"
    graph.write_text("""
name: tick
components:
- type: nvidia::gxf::HelloWorld
- type: nvidia::gxf::PeriodicSchedulingTerm
  parameters: {recess_period: 50ms}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::RealtimeClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock}
""")
    import signal
    import time

    process = subprocess.Popen([sys.executable, "-m", "gxf.gxe", "--app", str(graph), "--manifest",
                                MANIFEST, "--severity", "3"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=REPO)
    head = read_until(process, "running the graph...")
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    try:
        stdout, _ = process.communicate(timeout=10)
        stdout = head + stdout
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("gxe.py did not stop after SIGINT")
    assert process.returncode == 0
    assert "Hello world" in stdout and "done." in stdout
