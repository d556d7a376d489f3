# SPDX-License-Identifier: Apache-2.0
"""Python bridge of the EpochScheduler: run the graph's epochs on the caller's thread."""

from gxf.std import _std

__all__ = ["run_epoch"]


def run_epoch(context, cid, budget_ms=0.0):
    """Run one epoch of the EpochScheduler `cid` (budget_ms <= 0: one pass over the entities)."""
    _std.epoch_scheduler_run_epoch(context, cid, float(budget_ms))
