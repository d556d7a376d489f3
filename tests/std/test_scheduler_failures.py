# SPDX-License-Identifier: Apache-2.0
"""Bad scheduler configurations fail clearly; a codelet failure on a worker thread ends the
whole run with that error and its traceback, and leaves no scheduler thread behind."""

import pytest

import gxf.core as core
from graph_builder import (PARALLEL, SCHEDULERS, component, entity, graph, python_codelet,
                           scheduler_entity, transmitter)


def failing_graph(kind, codelet_file):
    """A Python codelet that raises in its third tick, next to a busy native entity."""
    failing = entity("failing", python_codelet("Failing", codelet_file, fail_at=3),
                     component("PeriodicSchedulingTerm", recess_period="1ms"))
    busy = entity("busy", *transmitter(receptive=False), component("PingTx", signal="out"),
                  component("PeriodicSchedulingTerm", recess_period="1ms"))
    return graph(failing, busy, scheduler_entity(kind))


def idle_graph(kind, **scheduler_parameters):
    """One periodic PingTx; the scheduler parameters are the subject."""
    ticking = entity("tx", *transmitter(receptive=False), component("PingTx", signal="out"),
                     component("CountSchedulingTerm", count=3))
    return graph(ticking, scheduler_entity(kind, **scheduler_parameters))


@pytest.mark.parametrize("kind", sorted(SCHEDULERS))
def test_exception_in_a_codelet_stops_the_graph_with_its_traceback(run_graph_text, codelet_file, kind):
    (run,) = run_graph_text(failing_graph(kind, codelet_file("sequence.py")), timeout=30)
    assert run["error_type"] == "CodeletError"
    assert run["error"].startswith("GXF_FAILURE")
    assert "planned failure in tick 3" in run["error"]
    assert "Traceback" in run["error"]
    assert run["threads_after_wait"] == []


@pytest.mark.parametrize("kind", sorted(SCHEDULERS))
def test_native_tick_failure_ends_the_run_with_its_reason(run_graph_text, kind):
    failing = entity("failing", component("nvidia::gxf::test::MockFailure", "mock",
                                          num_max_ticks=2),
                     component("PeriodicSchedulingTerm", recess_period="1ms"))
    (run,) = run_graph_text(graph(failing, scheduler_entity(kind)), timeout=30)
    assert run["error"].startswith("GXF_FAILURE: ")
    assert "entity 'failing', component 'mock'" in run["error"]
    assert run["error"].endswith("tick() failed: failing as asked after 2 tick(s)")
    assert run["threads_after_wait"] == []


@pytest.mark.parametrize("kind", PARALLEL)
def test_gxe_exits_non_zero_when_a_worker_codelet_raises(run_gxe_text, codelet_file, kind):
    process = run_gxe_text(failing_graph(kind, codelet_file("sequence.py")), timeout=30)
    assert process.returncode == 1
    assert "planned failure in tick 3" in process.stderr


@pytest.mark.parametrize("kind", PARALLEL)
@pytest.mark.parametrize("workers", [0, -2])
def test_worker_count_below_one_is_refused_by_name(run_graph_text, kind, workers):
    (run,) = run_graph_text(idle_graph(kind, worker_thread_number=workers), timeout=30)
    assert run["error"].startswith("GXF_PARAMETER_OUT_OF_RANGE")
    assert "worker_thread_number" in run["error"]


@pytest.mark.parametrize("kind", sorted(SCHEDULERS))
def test_clock_handle_to_a_non_clock_is_a_load_error(run_graph_text, kind):
    text = idle_graph(kind).replace("clock: clock", "clock: tx/out")
    (run,) = run_graph_text(text, timeout=30)
    assert run["error_type"] == "HandleError"
    assert "is not a nvidia::gxf::Clock" in run["error"]


def test_two_schedulers_in_one_graph_are_refused(run_graph_text):
    second = entity("second", component("RealtimeClock", "clock"),
                    component("EventBasedScheduler", clock="clock"))
    text = idle_graph("multi_thread") + "---\n" + graph(second).split("---\n", 1)[1]
    (run,) = run_graph_text(text, timeout=30)
    assert run["error"].startswith("GXF_ARGUMENT_INVALID")
    assert "only one scheduler" in run["error"]


@pytest.mark.parametrize("kind", PARALLEL)
def test_parallel_scheduler_refuses_a_second_run_without_reactivation(tmp_path, manifest, kind):
    path = tmp_path / "graph.yaml"
    path.write_text(idle_graph(kind), encoding="utf-8")
    context = core.context_create()
    try:
        core.gxf_set_severity(context, 0)
        core.load_extensions(context, manifest_filenames=[manifest])
        core.graph_load_file(context, str(path))
        core.graph_activate(context)
        core.graph_run(context)
        with pytest.raises(core.GxfError, match="GXF_INVALID_LIFECYCLE_STAGE"):
            core.graph_run(context)
        core.graph_activate(context)
        core.graph_run(context)
        core.graph_deactivate(context)
    finally:
        core.context_destroy(context)
