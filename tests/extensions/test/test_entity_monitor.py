# SPDX-License-Identifier: Apache-2.0
"""test::EntityMonitor logs every execution of every entity."""

import os
import re

ENTITY_MONITOR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs",
                              "entity_monitor.yaml")


def test_entity_monitor_logs_each_execution(run_graph):
    """Start, three ticks and the final stop (on NEVER) are five executions of 'ticker'."""
    run = run_graph([ENTITY_MONITOR])
    assert run.returncode == 0, run.output
    lines = [line for line in run.output.splitlines() if "ticker: " in line]
    assert len(lines) == 5
    assert all(re.search(r"\[t = \d+\.\dms\] ticker: GXF_SUCCESS$", line) for line in lines)


def test_entity_monitor_is_silent_below_info_severity(run_graph):
    """Its lines are INFO logs: severity 2 (warnings) hides them."""
    run = run_graph([ENTITY_MONITOR], severity=2)
    assert run.returncode == 0, run.output
    assert run.count("ticker: GXF_SUCCESS") == 0
