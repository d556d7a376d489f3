# SPDX-License-Identifier: Apache-2.0
"""gxe.py and a codelet call that never returns: the first SIGINT/SIGTERM asks the graph to
stop; after --interrupt-grace gxe names the stuck codelet (with its Python stack) and exits 1;
a second signal exits at once. Under every scheduler, through real gxe.py processes."""

import os
import signal
import subprocess
import sys
import time

import pytest

from gxf_test_support import (MANIFEST, REPO, STUCK_SCHEDULERS as SCHEDULERS, read_until,
                              write_stuck_graph)

# The line of tests/core/codelets/stuck.py the stuck codelet sleeps on.
STUCK_LINE = "time.sleep(0.05 if release_file else 3600)"
# Bounds wide enough for a loaded 2-core machine; what they catch is a hang (no exit at all).
EXIT_WITHIN_S = 20


def stuck_graph(tmp_path, scheduler, stuck_in="tick"):
    """A graph whose Python codelet sleeps for an hour in `stuck_in`, beside a busy native one."""
    return write_stuck_graph(tmp_path / "stuck.yaml", scheduler, stuck_in, busy=True)


def start_gxe(graph, *flags):
    """gxe.py running `graph` (stdout and stderr separate), in its own session."""
    return subprocess.Popen([sys.executable, "-m", "gxf.gxe", "--app", graph, "--manifest",
                             MANIFEST, "--severity", "2", *flags], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def wait_for_line(process, text, timeout=30):
    """Read stdout until a line contains `text` (the codelet is then in its stuck call)."""
    seen = read_until(process, text, timeout)
    if text not in seen:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail(f"gxe never printed {text!r}:\n{seen}{process.stderr.read()}")


def finish(process, timeout=EXIT_WITHIN_S):
    """Wait for gxe to exit; (returncode, stderr, seconds it took)."""
    began = time.monotonic()
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        _, stderr = process.communicate()
        pytest.fail(f"gxe did not exit within {timeout} s of the signal:\n{stderr}")
    return process.returncode, stderr, time.monotonic() - began


@pytest.mark.parametrize("scheduler", sorted(SCHEDULERS))
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_stuck_tick_is_named_with_its_python_stack_after_the_grace_period(tmp_path, scheduler,
                                                                          signum):
    process = start_gxe(stuck_graph(tmp_path, scheduler), "--interrupt-grace", "1")
    wait_for_line(process, "stuck in tick")
    process.send_signal(signum)
    returncode, stderr, took = finish(process)
    assert returncode == 1, stderr
    error_lines = [line for line in stderr.splitlines() if line.startswith("gxe.py: error:")]
    assert len(error_lines) == 1, stderr
    assert error_lines[0] == ("gxe.py: error: GXF_NOT_FINISHED: the graph did not stop within "
                              "1 s of the interrupt; codelet calls still running:")
    assert "stuck.yaml:9: entity 'stuck', component 'sleeper' (nvidia::gxf::PyCodeletV0, " \
           "class Stuck in " in stderr
    assert "is in tick()" in stderr
    assert "Python stack (most recent call last):" in stderr
    assert "in sleep_an_hour" in stderr and STUCK_LINE in stderr
    # Only the stuck codelet is named: the native one returned.
    assert "entity 'busy'" not in stderr
    assert 1.0 <= took < EXIT_WITHIN_S


def test_a_signal_before_the_wait_still_names_the_stuck_tick(tmp_path):
    # A signal that lands once the run started but before graph_wait took Ctrl-C over (here
    # raised by a wrapped graph_run_async, a second after the tick got stuck) interrupts the
    # graph, and the wait after it is bounded by the grace period too: it used to wait for
    # the stuck tick without bound (a CI run met the window with SIGTERM).
    graph = stuck_graph(tmp_path, "greedy")
    script = (
        "import sys, time\n"
        "from gxf import core\n"
        "start = core.graph_run_async\n"
        "def run_async(context):\n"
        "    start(context)\n"
        "    time.sleep(1.0)\n"
        "    raise KeyboardInterrupt\n"
        "core.graph_run_async = run_async\n"
        "from gxf.gxe import main\n"
        f"sys.exit(main(['--app', {graph!r}, '--manifest', {str(MANIFEST)!r}, '--severity', "
        "'2', '--interrupt-grace', '1']))\n")
    try:
        process = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                                 text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("gxe waited for the stuck tick without bound after the early signal")
    assert process.returncode == 1, process.stderr
    assert ("gxe.py: error: GXF_NOT_FINISHED: the graph did not stop within 1 s of the "
            "interrupt; codelet calls still running:") in process.stderr, process.stderr
    assert "is in tick()" in process.stderr and STUCK_LINE in process.stderr


@pytest.mark.parametrize("stuck_in", ["start", "stop"])
def test_stuck_start_or_stop_is_named_too(tmp_path, stuck_in):
    process = start_gxe(stuck_graph(tmp_path, "greedy", stuck_in), "--interrupt-grace", "0.5")
    wait_for_line(process, f"stuck in {stuck_in}")
    process.send_signal(signal.SIGINT)
    returncode, stderr, _ = finish(process)
    assert returncode == 1, stderr
    assert f"entity 'stuck', component 'sleeper'" in stderr
    assert f"is in {stuck_in}()" in stderr and STUCK_LINE in stderr


@pytest.mark.parametrize("scheduler", sorted(SCHEDULERS))
def test_second_signal_exits_at_once(tmp_path, scheduler):
    process = start_gxe(stuck_graph(tmp_path, scheduler), "--interrupt-grace", "600")
    wait_for_line(process, "stuck in tick")
    process.send_signal(signal.SIGINT)
    time.sleep(0.3)
    process.send_signal(signal.SIGTERM)
    returncode, stderr, took = finish(process)
    assert returncode == 128 + signal.SIGTERM, stderr
    assert "gxe.py: second SIGTERM: exiting at once" in stderr
    assert took < EXIT_WITHIN_S  # far below the 600 s grace period


def test_interrupt_grace_must_be_a_duration():
    result = subprocess.run([sys.executable, "-m", "gxf.gxe", "--app", "x.yaml", "--manifest",
                             MANIFEST, "--interrupt-grace", "-1"], capture_output=True, text=True,
                            cwd=REPO, timeout=60)
    assert result.returncode == 2
    assert "--interrupt-grace: must be in 0..86400 seconds, got -1" in result.stderr
