# SPDX-License-Identifier: Apache-2.0
"""GIL rules on worker threads: native codelets never need the GIL, Python codelets take it per
call and never run at once, and nothing deadlocks on it at start, stop or interrupt."""

import json

import pytest

from graph_builder import (PARALLEL, component, connection, entity, graph, python_codelet,
                           receiver, scheduler_entity, transmitter)


def probes_graph(kind, codelet_file, out_dir, count=20):
    """Three Python probes that sleep inside tick (releasing the GIL) on parallel workers."""
    probes = [entity(f"probe{i}", python_codelet("OverlapProbe", codelet_file, sleep_s=0.002,
                                                 out=str(out_dir / f"probe{i}")),
                     component("CountSchedulingTerm", count=count)) for i in range(3)]
    return graph(*probes, scheduler_entity(kind, worker_thread_number=3))


@pytest.mark.parametrize("kind", PARALLEL)
def test_python_codelets_never_run_at_once(run_graph_text, tmp_path, codelet_file, kind):
    (run,) = run_graph_text(probes_graph(kind, codelet_file("sequence.py"), tmp_path), timeout=30)
    assert "error" not in run, run
    records = [json.loads((tmp_path / f"probe{i}").read_text()) for i in range(3)]
    assert all(len(record["threads"]) == 20 for record in records)
    assert max(record["most"] for record in records) == 1


@pytest.mark.parametrize("kind", PARALLEL)
def test_native_codelets_run_while_python_holds_the_gil(run_graph_text, kind):
    # Long enough (well over the few ms until the runner first looks) to be seen running.
    source = entity("tx", *transmitter(), component("PingTx", signal="out"),
                    component("CountSchedulingTerm", count=100_000))
    sink = entity("rx", *receiver(), component("PingRx", signal="in"))
    text = graph(source, sink, connection("tx/out", "rx/in"), scheduler_entity(kind))
    (run,) = run_graph_text(text, timeout=60, spin_until_stopped="rx")
    assert run["stopped_while_spinning"]


@pytest.mark.parametrize("kind", PARALLEL)
def test_python_codelets_can_be_interrupted(run_graph_text, tmp_path, codelet_file, kind):
    probes = [entity(f"probe{i}", python_codelet("OverlapProbe", codelet_file("sequence.py"),
                                                 out=str(tmp_path / f"probe{i}")),
                     component("PeriodicSchedulingTerm", recess_period="1ms")) for i in range(2)]
    text = graph(*probes, scheduler_entity(kind, stop_on_deadlock=False, max_duration_ms=None))
    (run,) = run_graph_text(text, timeout=30, interrupt_after=0.3)
    assert "error" not in run, run
    assert run["interrupt_to_wait_s"] < 0.1
    assert json.loads((tmp_path / "probe0").read_text())["threads"]
