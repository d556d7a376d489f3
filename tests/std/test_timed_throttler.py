# SPDX-License-Identifier: Apache-2.0
"""TimedThrottler re-publishes messages at their timestamp on the execution clock."""

import os

THROTTLER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs",
                         "timed_throttler.yaml")


def test_timed_throttler_forwards_all_but_the_last_cached_message(run_graph):
    """Five throttler ticks publish the four messages cached by the ticks before."""
    run = run_graph([THROTTLER])
    assert run.returncode == 0, run.output
    assert "[throttler/out] Entities Published: 4" in run.output


def test_timed_throttler_maps_timestamps_onto_the_execution_clock(run_graph):
    """Forwarded timestamps step by the 5 us delay, so TestTimestampRx accepts them all."""
    run = run_graph([THROTTLER])
    assert "are not 5000 ns after" not in run.output
    assert "[rx/signal] Entities Received: 4" in run.output
