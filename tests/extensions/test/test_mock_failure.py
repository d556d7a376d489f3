# SPDX-License-Identifier: Apache-2.0
"""test::MockFailure fails a run after a set number of good ticks."""

import os

MOCK_FAILURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs",
                            "mock_failure.yaml")


def test_mock_failure_fails_the_run(run_graph):
    """The fourth tick fails: graph_wait reports GXF_FAILURE and gxe exits 1."""
    run = run_graph([MOCK_FAILURE])
    assert run.returncode == 1
    assert "GxfGraphWait Error: GXF_FAILURE" in run.output


def test_mock_failure_ticks_num_max_ticks_times_first(run_graph):
    """Start, three good ticks, then the failing one: four executions are monitored."""
    run = run_graph([MOCK_FAILURE])
    assert run.count("failing: GXF_SUCCESS") == 4
    assert run.count("failing: GXF_FAILURE") == 1
