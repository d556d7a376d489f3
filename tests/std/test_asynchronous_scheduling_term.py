# SPDX-License-Identifier: Apache-2.0
"""AsynchronousSchedulingTerm: an event source on its own thread gates its entity, through the
Python API (get, get_event_state, set_event_state, AsynchronousEventState)."""

import json

import pytest

from gxf.std import AsynchronousEventState
from graph_builder import SCHEDULERS, component, entity, graph, python_codelet, scheduler_entity


def async_graph(kind, codelet_file, out, count=15):
    """A Python codelet whose ticks are paced by its own event thread."""
    source = entity("source", component("AsynchronousSchedulingTerm", "async_term"),
                    python_codelet("AsyncSource", codelet_file, term="async_term", count=count,
                                   delay_s=0.002, out=str(out)))
    return graph(source, scheduler_entity(kind))


def test_event_states_are_exported_with_gxf_values():
    assert [state.name for state in AsynchronousEventState.__members__.values()] == [
        "READY", "WAIT", "EVENT_WAITING", "EVENT_DONE", "EVENT_NEVER"]
    assert int(AsynchronousEventState.EVENT_DONE) == 3


@pytest.mark.parametrize("kind", sorted(SCHEDULERS))
def test_entity_ticks_once_per_event_until_event_never(run_graph_text, tmp_path, codelet_file, kind):
    out = tmp_path / "out"
    (run,) = run_graph_text(async_graph(kind, codelet_file("sequence.py"), out), timeout=30)
    assert "error" not in run, run
    record = json.loads(out.read_text())
    assert record["ticks"] == 15
    assert record["states"] == ["READY", "EVENT_WAITING", "EVENT_WAITING"]
    # Paced by events 2 ms apart, not run back to back; and over once EVENT_NEVER is set.
    assert 14 * 0.002 <= run["run_s"] < 2.0
