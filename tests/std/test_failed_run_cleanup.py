# SPDX-License-Identifier: Apache-2.0
"""A run that fails and then fails its deinitialize checks still shuts down cleanly."""

import pytest

GRAPH = """
name: failing
components:
- type: nvidia::gxf::test::MockFailure
  parameters: {{num_max_ticks: 2}}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: 10}}
---
name: counted
components:
- type: nvidia::gxf::HelloWorld
- type: nvidia::gxf::test::StepCount
  parameters: {{expected_count: 1000}}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::RealtimeClock
- type: nvidia::gxf::{scheduler}
  parameters: {{clock: clock, max_duration_ms: 2000{workers}}}
"""


@pytest.mark.parametrize("scheduler, workers", [
    ("GreedyScheduler", ""),
    ("MultiThreadScheduler", ", worker_thread_number: 4"),
    ("EventBasedScheduler", ", worker_thread_number: 4"),
])
def test_failed_run_with_failing_deinitialize_exits_one_without_crashing(run_graph, tmp_path,
                                                                        scheduler, workers):
    graph = tmp_path / "graph.yaml"
    graph.write_text(GRAPH.format(scheduler=scheduler, workers=workers))
    for _ in range(3):
        run = run_graph([str(graph)], severity=1)
        assert run.returncode == 1, run.output
        assert "GxfGraphWait Error: GXF_FAILURE" in run.output
        assert "corrupted" not in run.output and "Aborted" not in run.output
