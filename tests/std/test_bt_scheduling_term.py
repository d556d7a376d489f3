# SPDX-License-Identifier: Apache-2.0
"""BTSchedulingTerm: a child entity waits until its parent's codelet sets READY, and stops
when the parent sets NEVER (through the Python API)."""

import json

import pytest

from graph_builder import SCHEDULERS, component, entity, graph, python_codelet, scheduler_entity


def tree_graph(kind, codelet_file, out_dir):
    """A 5 ms parent (10 ticks) releasing its child at tick 3 and retiring it at tick 8."""
    parent = entity("parent", component("BTSchedulingTerm", "bt", is_root=True),
                    python_codelet("ReleaseChild", codelet_file, child_term="child/bt",
                                   release_at=3, retire_at=8, out=str(out_dir / "parent")),
                    component("PeriodicSchedulingTerm", recess_period="5ms"),
                    component("CountSchedulingTerm", count=10))
    child = entity("child", component("BTSchedulingTerm", "bt", is_root=False),
                   python_codelet("TickCounter", codelet_file, out=str(out_dir / "child")),
                   component("PeriodicSchedulingTerm", recess_period="1ms"))
    return graph(parent, child, scheduler_entity(kind))


@pytest.mark.parametrize("kind", sorted(SCHEDULERS))
def test_child_ticks_only_between_release_and_retirement(run_graph_text, tmp_path, codelet_file, kind):
    (run,) = run_graph_text(tree_graph(kind, codelet_file("sequence.py"), tmp_path), timeout=30)
    assert "error" not in run, run
    parent = json.loads((tmp_path / "parent").read_text())
    child = json.loads((tmp_path / "child").read_text())
    assert child
    # A child tick already under way when the parent retires it may end a little later.
    slack_ns = 5_000_000
    assert all(parent["release"] <= time <= parent["retire"] + slack_ns for time in child)
