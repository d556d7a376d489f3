# SPDX-License-Identifier: Apache-2.0
"""The test extension's scheduling terms."""

import os

WAIT_TERM = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs", "wait_term.yaml")


def test_wait_scheduling_term_never_lets_its_entity_tick(run_graph):
    """Started once, never ticked (StepCount expects 0), stopped at the max duration."""
    run = run_graph([WAIT_TERM])
    assert run.returncode == 0, run.output


def test_wait_scheduling_term_entity_is_still_started(run_graph):
    """The start is not gated by terms: expecting no start fails."""
    run = run_graph([WAIT_TERM], params=["waiting/step_count/expected_start_count=0"])
    assert run.returncode == 1
    assert "start count [1] does not match expected start count [0]" in run.output
