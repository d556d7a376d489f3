# SPDX-License-Identifier: Apache-2.0
"""In-process bounded waits: graph_wait(timeout=...) and context_destroy(timeout=...) name the
codelet call that does not return, with its Python stack, instead of blocking forever; once the
call returns, the same context stops and is destroyed normally. Under every scheduler."""

import os
import signal
import threading
import time

import pytest

from gxf_test_support import MANIFEST, STUCK_SCHEDULERS as SCHEDULERS, write_stuck_graph
from gxf import core
from gxf.core.errors import GraphTimeoutError, GxfError, error_report


@pytest.fixture
def stuck_run(tmp_path):
    """Factory: a running context whose Python codelet is stuck in tick until released."""
    contexts = []
    release = tmp_path / "release"

    def start(scheduler):
        graph = write_stuck_graph(tmp_path / "stuck.yaml", scheduler, release_file=release)
        context = core.context_create()
        contexts.append(context)
        core.gxf_set_severity(context, 1)
        core.load_extensions(context, manifest_filenames=[MANIFEST])
        core.graph_load_file(context, graph)
        core.graph_activate(context)
        core.graph_run_async(context)
        deadline = time.monotonic() + 30
        # The tick itself: a start() still running (its codelet waiting for the GIL this
        # thread holds) would let an interrupt stop the graph before it ever ticks.
        while not any(call["phase"] == "tick"
                      for call in core._core.graph_running_calls(context)):
            assert time.monotonic() < deadline, "the codelet never started its tick"
            time.sleep(0.02)
        return context, release

    yield start
    release.touch()  # whatever a test did, no thread stays asleep in this process
    for context in contexts:
        try:
            core.context_destroy(context, timeout=30)
        except GxfError:
            pass  # destroyed by the test


@pytest.mark.parametrize("scheduler", sorted(SCHEDULERS))
def test_graph_wait_with_timeout_names_the_running_tick(stuck_run, scheduler):
    context, release = stuck_run(scheduler)
    with pytest.raises(GraphTimeoutError) as error:
        core.graph_wait(context, timeout=0.3)
    message = error_report(error.value)
    assert message.startswith("GXF_NOT_FINISHED: the graph did not stop within 0.3 s; ")
    assert "entity 'stuck', component 'sleeper' (nvidia::gxf::PyCodeletV0, class Stuck in " \
           in message and "is in tick()" in message
    assert "in sleep_an_hour" in message
    assert [(call["entity"], call["component"], call["phase"]) for call in error.value.calls] \
        == [("stuck", "sleeper", "tick")]
    assert isinstance(error.value, TimeoutError) and error.value.code == "GXF_NOT_FINISHED"
    # The run goes on; once the tick returns it ends (count 1) and the same wait completes.
    release.touch()
    core.graph_wait(context, timeout=30)
    core.graph_deactivate(context)


@pytest.mark.parametrize("scheduler", sorted(SCHEDULERS))
def test_context_destroy_with_timeout_reports_and_keeps_the_context(stuck_run, scheduler):
    context, release = stuck_run(scheduler)
    with pytest.raises(GraphTimeoutError) as error:
        core.context_destroy(context, timeout=0.3)
    assert "entity 'stuck', component 'sleeper'" in error_report(error.value)
    assert core.entity_find(context, "stuck")  # still alive: nothing was freed under the tick
    release.touch()
    core.context_destroy(context, timeout=30)
    with pytest.raises(GxfError):
        core.entity_find(context, "stuck")


def test_ctrl_c_in_graph_wait_interrupts_then_bounds_the_wait_by_the_grace(stuck_run):
    context, release = stuck_run("greedy")

    def interrupt_once_waiting():
        # Ctrl-C only once graph_wait is waiting (its helper thread exists): a signal that
        # lands before the call (a slow, loaded machine) is not what this test is about.
        deadline = time.monotonic() + 30
        while not any(t.name == "gxf-wait" for t in threading.enumerate()):
            if time.monotonic() > deadline:
                return
            time.sleep(0.01)
        time.sleep(0.2)
        os.kill(os.getpid(), signal.SIGINT)

    timer = threading.Thread(target=interrupt_once_waiting, daemon=True)
    # A shell starts background jobs with SIGINT ignored, and Python then installs no
    # KeyboardInterrupt handler: give this test Python's own for its duration.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    timer.start()
    began = time.monotonic()
    try:
        with pytest.raises(GraphTimeoutError) as error:
            core.graph_wait(context, interrupt_grace=0.5)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert "within 0.5 s of the interrupt" in error_report(error.value)
    assert time.monotonic() - began < 20
    release.touch()
    core.graph_wait(context, timeout=30)
