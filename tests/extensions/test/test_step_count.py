# SPDX-License-Identifier: Apache-2.0
"""test::StepCount and test::StepRangeCount decide a run's outcome at deactivation."""

import os

GRAPHS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs")
PING = os.path.join(GRAPHS, "ping_counted.yaml")
RANGE = os.path.join(GRAPHS, "step_range.yaml")


def test_step_count_passes_when_the_tick_count_matches(run_graph):
    """Five pings against expected_count 5 on both sides: the run succeeds."""
    run = run_graph([PING])
    assert run.returncode == 0, run.output
    assert run.count("Message Received") == 5


def test_step_count_fails_deactivation_when_the_tick_count_differs(run_graph):
    """expected_count 6 for five ticks: deinitialize fails, so graph_deactivate does."""
    run = run_graph([PING], params=["tx/step_count/expected_count=6"])
    assert run.returncode == 1
    assert "GxfGraphDeactivate Error: GXF_FAILURE" in run.output
    assert "tick count [5] does not match expected tick count [6]" in run.output


def test_step_count_override_by_type_name_reaches_every_match(run_graph):
    """An override naming the component by type changes that entity's StepCount."""
    run = run_graph([PING], params=["rx/nvidia::gxf::test::StepCount/expected_count=4"])
    assert run.returncode == 1
    assert "tick count [5] does not match expected tick count [4]" in run.output


def test_step_count_fails_when_the_entity_never_started(run_graph, tmp_path):
    """Without a scheduler nothing starts: the start count check fails."""
    graph = tmp_path / "no_scheduler.yaml"
    with open(PING) as source:
        graph.write_text(source.read().split("---\nname: scheduler")[0])
    run = run_graph([str(graph)])
    assert run.returncode == 1
    assert "start count [0] does not match expected start count [1]" in run.output


def test_step_range_count_accepts_a_count_inside_the_range(run_graph):
    """Ten ticks within [8, 12] succeed."""
    run = run_graph([RANGE])
    assert run.returncode == 0, run.output


def test_step_range_count_rejects_a_count_outside_the_range(run_graph):
    """Ten ticks outside [1, 5] fail at deactivation."""
    run = run_graph([RANGE], params=["ticker/step_range/expected_count_range_end=5",
                                     "ticker/step_range/expected_count_range_start=1"])
    assert run.returncode == 1
    assert "tick count [10] is outside the expected range [1, 5]" in run.output
