# SPDX-License-Identifier: Apache-2.0
"""ExpiringMessageAvailableSchedulingTerm: full batches at once, partial ones when old."""

import os

EXPIRING = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs",
                        "expiring_message_available.yaml")


def test_expiring_term_takes_full_batches_then_the_expired_rest(run_graph):
    """Seven pings in batches of three: three ticks, nothing left behind."""
    run = run_graph([EXPIRING])
    assert run.returncode == 0, run.output
    assert "[rx/signal] Entities Received: 7" in run.output

