# SPDX-License-Identifier: Apache-2.0
"""graph_wait turns Ctrl-C into a graph interrupt and still waits for the run to end."""

import os
import re

ENDLESS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs", "endless_ping.yaml")


def test_sigint_interrupts_the_run_and_deactivation_follows(run_graph):
    """After SIGINT the run ends and the graph deactivates: StepCount sees the ticks made."""
    run = run_graph([ENDLESS], interrupt_after=1.0, timeout=30)
    assert "running completed successfully. deactivating graph..." in run.output
    ticks = re.search(r"tick count \[(\d+)\] does not match expected tick count \[0\]", run.output)
    assert ticks and int(ticks.group(1)) > 0, run.output
    assert "GxfGraphDeactivate Error: GXF_FAILURE" in run.output
